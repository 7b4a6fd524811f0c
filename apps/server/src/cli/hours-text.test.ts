import { describe, expect, test } from 'vitest';
import { parseHours } from './hours-text.ts';

describe('opening hours typed at the setup prompt', () => {
  test('always, ranges across the weekend, single days', () => {
    expect(parseHours('always')).toHaveLength(7);
    expect(parseHours('fri-mon 9:00-14:30, wed 17:00-24:00')).toEqual([
      { day: 5, opens: '09:00', closes: '14:30' },
      { day: 6, opens: '09:00', closes: '14:30' },
      { day: 0, opens: '09:00', closes: '14:30' },
      { day: 1, opens: '09:00', closes: '14:30' },
      { day: 3, opens: '17:00', closes: '24:00' },
    ]);
    expect(parseHours('Daily 11:00-22:00').map((i) => i.day)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test('what it cannot read is named', () => {
    expect(() => parseHours('weekdays 9-5')).toThrow(/mon-fri 11:00-22:00/);
    expect(() => parseHours('mon-fry 09:00-17:00')).toThrow(/not a day/);
  });
});
