import { describe, expect, test } from 'vitest';
import { estimateReadyAt, median } from './estimate-ready.ts';

const placedAt = new Date('2026-11-20T18:00:00Z');
const min = 60_000;

describe('estimateReadyAt', () => {
  test('is the typical prep time after placing when the kitchen is not busy', () => {
    const eta = estimateReadyAt({
      placedAt,
      fireAt: null,
      now: placedAt,
      typicalMs: 12 * min,
      ahead: 3,
    });
    expect(eta).toEqual(new Date('2026-11-20T18:12:00Z'));
  });

  test('adds a minute per ticket queued beyond the four the kitchen works on at once', () => {
    const eta = estimateReadyAt({
      placedAt,
      fireAt: null,
      now: placedAt,
      typicalMs: 12 * min,
      ahead: 10,
    });
    expect(eta).toEqual(new Date('2026-11-20T18:18:00Z'));
  });

  test('never before the scheduled time, never in the past', () => {
    const fireAt = new Date('2026-11-20T19:30:00Z');
    expect(
      estimateReadyAt({ placedAt, fireAt, now: placedAt, typicalMs: 12 * min, ahead: 0 }),
    ).toEqual(fireAt);
    const late = new Date('2026-11-20T18:40:00Z');
    expect(
      estimateReadyAt({ placedAt, fireAt: null, now: late, typicalMs: 12 * min, ahead: 0 }),
    ).toEqual(new Date('2026-11-20T18:41:00Z'));
  });
});

test('median', () => {
  expect(median([])).toBeNull();
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});
