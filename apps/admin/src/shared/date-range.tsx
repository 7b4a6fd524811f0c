import type { Dispatch, SetStateAction } from 'react';

/** A range of whole days, as the date inputs and the procedures write them ("2026-12-03"). */
export interface DayRange {
  from: string;
  to: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` days, today included. */
export function lastDays(days: number): DayRange {
  return { from: isoDay(new Date(Date.now() - (days - 1) * 86_400_000)), to: isoDay(new Date()) };
}

/** "From" and "To" date fields; neither lets the picker cross the other. */
export function DayRangeFields({
  range,
  setRange,
  labels,
}: {
  range: DayRange;
  setRange: Dispatch<SetStateAction<DayRange>>;
  labels: { from: string; to: string };
}) {
  return (
    <>
      <label className="field">
        <span>{labels.from}</span>
        <input
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
        />
      </label>
      <label className="field">
        <span>{labels.to}</span>
        <input
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
        />
      </label>
    </>
  );
}
