import { TZDate } from '@date-fns/tz';
import type { OpeningInterval } from '@kds/db';

export interface OpenWindow {
  start: Date;
  end: Date;
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * The store's opening windows as instants, from the day before `from` to `days` after it, in
 * order and merged where they touch (a 24-hour store is one long window). Intervals are in
 * store-local time; one that closes at or before it opens runs past midnight (18:00-02:00),
 * and "24:00" closes at the end of the day. Local times are resolved in the store's zone, so
 * daylight-saving changes fall where the store's clocks put them.
 */
export function openWindows(
  hours: OpeningInterval[],
  timeZone: string,
  from: Date,
  days = 8,
): OpenWindow[] {
  const local = new TZDate(from.getTime(), timeZone);
  const windows: OpenWindow[] = [];
  for (let offset = -1; offset <= days; offset++) {
    const y = local.getFullYear();
    const m = local.getMonth();
    const d = local.getDate() + offset;
    const weekday = new TZDate(y, m, d, 12, 0, timeZone).getDay();
    for (const interval of hours.filter((h) => h.day === weekday)) {
      const opens = minutesOf(interval.opens);
      const rawCloses = minutesOf(interval.closes);
      const closes = rawCloses <= opens ? rawCloses + 24 * 60 : rawCloses;
      windows.push({
        start: new Date(new TZDate(y, m, d, 0, opens, timeZone).getTime()),
        end: new Date(new TZDate(y, m, d, 0, closes, timeZone).getTime()),
      });
    }
  }
  windows.sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: OpenWindow[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start.getTime() <= last.end.getTime()) {
      if (w.end > last.end) last.end = w.end;
    } else merged.push({ ...w });
  }
  return merged;
}

export interface OpeningState {
  isOpen: boolean;
  /** When the current window ends (open), else null. */
  closesAt: Date | null;
  /** The next time it opens (closed), else null; null too if it never opens in the next week. */
  nextOpenAt: Date | null;
}

/** A store with no hours configured is always open: a new store is never locked out. */
export function openingState(hours: OpeningInterval[], timeZone: string, now: Date): OpeningState {
  if (hours.length === 0) return { isOpen: true, closesAt: null, nextOpenAt: null };
  const windows = openWindows(hours, timeZone, now);
  const current = windows.find((w) => w.start <= now && now < w.end);
  if (current) return { isOpen: true, closesAt: current.end, nextOpenAt: null };
  const next = windows.find((w) => w.start > now);
  return { isOpen: false, closesAt: null, nextOpenAt: next?.start ?? null };
}

/** Whether the store is open at `at`: only the windows of the days around it are worked out. */
export function isOpenAt(hours: OpeningInterval[], timeZone: string, at: Date): boolean {
  if (hours.length === 0) return true;
  return openWindows(hours, timeZone, at, 1).some((w) => w.start <= at && at < w.end);
}
