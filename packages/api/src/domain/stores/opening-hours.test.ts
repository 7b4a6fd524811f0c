import { describe, expect, test } from 'vitest';
import { openingState, openWindows } from './opening-hours.ts';

const NY = 'America/New_York';
const weekdays = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

describe('openingState', () => {
  test('open inside an interval, with its closing time', () => {
    // Wednesday 2026-11-18 12:00 in New York is 17:00 UTC.
    const state = openingState(weekdays('11:00', '22:00'), NY, new Date('2026-11-18T17:00:00Z'));
    expect(state).toEqual({
      isOpen: true,
      closesAt: new Date('2026-11-19T03:00:00Z'),
      nextOpenAt: null,
    });
  });

  test('closed before opening says when it opens', () => {
    const state = openingState(weekdays('11:00', '22:00'), NY, new Date('2026-11-18T14:00:00Z'));
    expect(state).toEqual({
      isOpen: false,
      closesAt: null,
      nextOpenAt: new Date('2026-11-18T16:00:00Z'),
    });
  });

  test('closed for the weekend opens on Monday', () => {
    // Saturday 2026-11-21 15:00 in New York.
    const state = openingState(weekdays('11:00', '22:00'), NY, new Date('2026-11-21T20:00:00Z'));
    expect(state.nextOpenAt).toEqual(new Date('2026-11-23T16:00:00Z'));
  });

  test('an interval past midnight belongs to the day it opens', () => {
    const late = [{ day: 5, opens: '18:00', closes: '02:00' }]; // Friday night
    // Saturday 01:30 local is still Friday's service.
    expect(openingState(late, NY, new Date('2026-11-21T06:30:00Z')).isOpen).toBe(true);
    expect(openingState(late, NY, new Date('2026-11-21T07:30:00Z')).isOpen).toBe(false);
  });

  test('a 24-hour store is one window and always open', () => {
    const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
    const now = new Date('2026-11-18T09:00:00Z');
    expect(openingState(always, NY, now).isOpen).toBe(true);
    expect(openWindows(always, NY, now)).toHaveLength(1);
  });

  test('no hours configured means always open', () => {
    expect(openingState([], NY, new Date()).isOpen).toBe(true);
  });

  test('follows daylight saving time in the store zone', () => {
    // 2026-03-08: New York springs forward. Opening at 11:00 local is 15:00 UTC, not 16:00.
    const sunday = [{ day: 0, opens: '11:00', closes: '15:00' }];
    const state = openingState(sunday, NY, new Date('2026-03-08T12:00:00Z'));
    expect(state.nextOpenAt).toEqual(new Date('2026-03-08T15:00:00Z'));
  });
});
