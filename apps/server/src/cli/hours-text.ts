const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface Interval {
  day: number;
  opens: string;
  closes: string;
}

/**
 * Opening hours as an owner types them at a prompt: `always`, or comma-separated
 * `<days> <opens>-<closes>` with days like `mon`, `mon-fri`, `sat-sun` or `daily`
 * (`mon-fri 11:00-22:00, sat-sun 12:00-23:30`). Throws a message for the owner.
 */
export function parseHours(text: string): Interval[] {
  const input = text.trim().toLowerCase();
  if (input === 'always' || input === '') {
    return DAYS.map((_, day) => ({ day, opens: '00:00', closes: '24:00' }));
  }
  return input.split(',').flatMap((part) => {
    const match = /^\s*([a-z]+)(?:-([a-z]+))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(
      part,
    );
    if (!match) throw new Error(`"${part.trim()}": write it like "mon-fri 11:00-22:00"`);
    const [, from = '', to, opens = '', closes = ''] = match;
    const days = from === 'daily' ? [0, 1, 2, 3, 4, 5, 6] : dayRange(from, to ?? from);
    const time = (t: string) => t.padStart(5, '0');
    return days.map((day) => ({ day, opens: time(opens), closes: time(closes) }));
  });
}

function dayRange(from: string, to: string): number[] {
  const start = DAYS.indexOf(from.slice(0, 3));
  const end = DAYS.indexOf(to.slice(0, 3));
  if (start < 0 || end < 0)
    throw new Error(`"${from}" or "${to}" is not a day (mon, tue, ... sun)`);
  const days = [start];
  for (let day = start; day !== end;) days.push((day = (day + 1) % 7));
  return days;
}
