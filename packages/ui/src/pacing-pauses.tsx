import { useState } from 'react';
import { formatClock } from './format.ts';
import type { PartProps } from './pacing-panel.tsx';

type Fulfilment = 'pickup' | 'delivery' | 'dine_in';

const KINDS: { type: Fulfilment; label: string }[] = [
  { type: 'pickup', label: 'Pickup' },
  { type: 'delivery', label: 'Delivery' },
  { type: 'dine_in', label: 'Table' },
];
const REASONS = ['The kitchen is very busy', 'We are short-staffed', 'We are closing soon'];
const DURATIONS = [15, 30, 60, 120];

/** Which kinds of online order are paused, and the buttons that pause or resume them. */
export function Pauses({ status, timeZone, change, busy }: PartProps & { timeZone: string }) {
  const [chosen, setChosen] = useState<Fulfilment[]>(['pickup', 'delivery']);
  const [reason, setReason] = useState(REASONS[0] ?? '');
  const paused = KINDS.filter((k) => status.pacing.pauses[k.type]);
  const toggle = (type: Fulfilment) =>
    setChosen((c) => (c.includes(type) ? c.filter((t) => t !== type) : [...c, type]));
  return (
    <section className="pacing__part" aria-labelledby="pacing-pause">
      <h3 id="pacing-pause">Pause online orders</h3>
      {paused.map((k) => {
        const pause = status.pacing.pauses[k.type];
        if (!pause) return null;
        return (
          <p key={k.type} className="pacing__paused" role="status">
            <strong>{k.label} paused</strong> until {formatClock(pause.until, timeZone)}:{' '}
            {pause.reason}{' '}
            <button
              type="button"
              className="pacing__btn"
              disabled={busy}
              onClick={() => change({ kind: 'resume', fulfilments: [k.type] })}
            >
              Resume {k.label.toLowerCase()} now
            </button>
          </p>
        );
      })}
      <fieldset className="pacing__row">
        <legend>Which orders</legend>
        {KINDS.map((k) => (
          <label key={k.type} className="pacing__choice">
            <input
              type="checkbox"
              checked={chosen.includes(k.type)}
              onChange={() => toggle(k.type)}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <label className="pacing__reason">
        <span>Reason guests see</span>
        <input
          list="pacing-reasons"
          value={reason}
          maxLength={120}
          onChange={(e) => setReason(e.target.value)}
        />
        <datalist id="pacing-reasons">
          {REASONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <div className="pacing__row">
        {DURATIONS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="pacing__btn pacing__btn--stop"
            disabled={busy || chosen.length === 0 || reason.trim() === ''}
            onClick={() => change({ kind: 'pause', fulfilments: chosen, reason, minutes })}
          >
            Pause {minutes < 60 ? `${minutes} min` : `${minutes / 60} h`}
          </button>
        ))}
      </div>
    </section>
  );
}
