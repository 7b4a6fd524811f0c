import { PSEUDO } from './languages.ts';

/**
 * Where a store is: its locale (language and region, "es-MX") decides the clock (12- or
 * 24-hour), its zone the wall time. A reader's language decides the words; the two combine, so
 * a Spanish kitchen in a New York store reads "4:44 p.m." in New York's time.
 */
export interface Regional {
  /** The store's BCP 47 locale with a region ("en-US", "es-MX", "ja-JP"). */
  storeLocale: string;
  timeZone: string;
}

/** The store's region, for phone numbers and formats ("US" from "en-US"); undefined without one. */
export function regionOf(storeLocale: string): string | undefined {
  try {
    return new Intl.Locale(storeLocale).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * The locale text is formatted in: the reader's language in the store's region ("es-US").
 * Intl falls back to the language alone where it has no such combination.
 */
export function formatLocale(language: string, storeLocale: string): string {
  const lang = language === PSEUDO ? 'en' : language;
  if (storeLocale.toLowerCase().startsWith(`${lang.toLowerCase()}-`)) return storeLocale;
  const region = regionOf(storeLocale);
  return region ? `${lang}-${region}` : lang;
}

/** 12- or 24-hour, as people in the store's locale read a clock. */
export function hourCycleOf(storeLocale: string): 'h12' | 'h23' {
  const cycle = new Intl.DateTimeFormat(storeLocale, { hour: 'numeric' }).resolvedOptions()
    .hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(
  language: string,
  where: Regional,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${language}|${where.storeLocale}|${where.timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(formatLocale(language, where.storeLocale), {
      ...options,
      ...(options.hour || options.timeStyle ? { hourCycle: hourCycleOf(where.storeLocale) } : {}),
      timeZone: where.timeZone,
    });
    cache.set(key, f);
  }
  return f;
}

/** "4:44 PM", "16:44": the store's wall clock in the reader's language. */
export function formatClock(at: Date | string | number, language: string, where: Regional): string {
  return formatter(language, where, { hour: 'numeric', minute: '2-digit' }).format(new Date(at));
}

/** "Tue 4:44 PM": a moment within the week ahead. */
export function formatDayClock(
  at: Date | string | number,
  language: string,
  where: Regional,
): string {
  return formatter(language, where, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(at));
}

/** "Dec 1, 2026, 4:44 PM": a full moment, for records and reports. */
export function formatDateTime(
  at: Date | string | number,
  language: string,
  where: Regional,
): string {
  return formatter(language, where, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(at),
  );
}

/** "Dec 1, 2026": a calendar day in the store's zone. */
export function formatDate(at: Date | string | number, language: string, where: Regional): string {
  return formatter(language, where, { dateStyle: 'medium' }).format(new Date(at));
}
