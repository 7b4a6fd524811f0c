import { describe, expect, test } from 'vitest';
import { clockOffset, formatElapsed, formatMoney } from './format.ts';

describe('formatElapsed', () => {
  test.each([
    [0, '0:00'],
    [9_999, '0:09'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00'],
  ])('%i ms reads %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});

test('formatMoney uses the currency', () => {
  expect(formatMoney(1191, 'USD', 'en-US')).toBe('$11.91');
});

test('clockOffset takes the midpoint of the round trip', () => {
  expect(clockOffset(new Date(10_500).toISOString(), 1_000, 2_000)).toBe(9_000);
});
