import { TZDate } from '@date-fns/tz';
import { businessDateOf } from '../orders/business-date.ts';

export interface ReportTiming {
  frequency: 'daily' | 'weekly';
  /** Weekly: 0 (Sunday) to 6. */
  weekday: number | null;
  /** Store-local "HH:MM". */
  sendAt: string;
}

/** One send of a scheduled report: its key, and the business days it covers (inclusive). */
export interface ReportPeriod {
  key: string;
  from: string;
  to: string;
}

/**
 * The latest send at or before `now`: daily, yesterday's report at the store's `sendAt`; weekly,
 * the seven days before its weekday. Local times are the store's, so a daylight-saving change
 * moves the instant, not the hour on the clock. Pure: no I/O, no clock of its own.
 */
export function latestPeriod(timing: ReportTiming, timeZone: string, now: Date): ReportPeriod {
  const local = new TZDate(now.getTime(), timeZone);
  const [hour = 0, minute = 0] = timing.sendAt.split(':').map(Number);
  const days = timing.frequency === 'daily' ? 1 : 7;
  for (let back = 0; back <= 7; back += 1) {
    const day = local.getDate() - back;
    const at = new TZDate(local.getFullYear(), local.getMonth(), day, hour, minute, timeZone);
    if (at.getTime() > now.getTime()) continue;
    if (timing.frequency === 'weekly' && at.getDay() !== timing.weekday) continue;
    const dateOf = (offset: number) =>
      businessDateOf(
        new TZDate(local.getFullYear(), local.getMonth(), day + offset, 12, 0, timeZone),
        timeZone,
      );
    return { key: `${timing.frequency}:${dateOf(0)}`, from: dateOf(-days), to: dateOf(-1) };
  }
  throw new Error('no send time in the last eight days');
}
