/** The calendar date in the store's time zone: order numbers restart each business day. */
export function businessDateOf(now: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Building a formatter costs far more than using one: one per zone, kept.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
