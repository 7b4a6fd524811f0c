import { describe, expect, test } from 'vitest';
import { latestPeriod } from './report-period.ts';

const at = (iso: string) => new Date(iso);

describe('latestPeriod', () => {
  test("a daily report covers yesterday, from the store's send time on", () => {
    const daily = { frequency: 'daily' as const, weekday: null, sendAt: '07:00' };
    // 06:59 in New York (11:59 UTC): still the day before's send.
    expect(latestPeriod(daily, 'America/New_York', at('2026-12-02T11:59:00Z'))).toEqual({
      key: 'daily:2026-12-01',
      from: '2026-11-30',
      to: '2026-11-30',
    });
    expect(latestPeriod(daily, 'America/New_York', at('2026-12-02T12:00:00Z'))).toEqual({
      key: 'daily:2026-12-02',
      from: '2026-12-01',
      to: '2026-12-01',
    });
  });

  test('a weekly report covers the seven days before its weekday', () => {
    // Mondays at 08:30 in London; 2026-12-07 is a Monday.
    const weekly = { frequency: 'weekly' as const, weekday: 1, sendAt: '08:30' };
    expect(latestPeriod(weekly, 'Europe/London', at('2026-12-09T10:00:00Z'))).toEqual({
      key: 'weekly:2026-12-07',
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(latestPeriod(weekly, 'Europe/London', at('2026-12-07T08:29:00Z')).key).toBe(
      'weekly:2026-11-30',
    );
  });

  test('the hour on the clock holds across a daylight-saving change', () => {
    const daily = { frequency: 'daily' as const, weekday: null, sendAt: '07:00' };
    // New York moves to summer time on 2027-03-14: 07:00 is 12:00 UTC before, 11:00 UTC after.
    expect(latestPeriod(daily, 'America/New_York', at('2027-03-15T11:00:00Z')).key).toBe(
      'daily:2027-03-15',
    );
    expect(latestPeriod(daily, 'America/New_York', at('2027-03-13T11:30:00Z')).key).toBe(
      'daily:2027-03-12',
    );
  });
});
