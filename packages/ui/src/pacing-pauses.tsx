import { Trans, useTranslation } from '@kds/i18n/react';
import { useState } from 'react';
import type { PartProps } from './pacing-panel.tsx';
import { useFormat } from './regional.tsx';

type Fulfilment = 'pickup' | 'delivery' | 'dine_in';

const KINDS: { type: Fulfilment; label: 'pickup' | 'delivery' | 'table' }[] = [
  { type: 'pickup', label: 'pickup' },
  { type: 'delivery', label: 'delivery' },
  { type: 'dine_in', label: 'table' },
];
const REASONS = ['busy', 'short', 'closing'] as const;
const DURATIONS = [15, 30, 60, 120];

/** Which kinds of online order are paused, and the buttons that pause or resume them. */
export function Pauses({ status, change, busy }: PartProps) {
  const { t } = useTranslation();
  const reasons = REASONS.map((r) => t(`pacing.reasons.${r}`));
  const [chosen, setChosen] = useState<Fulfilment[]>(['pickup', 'delivery']);
  const [reason, setReason] = useState(reasons[0] ?? '');
  const paused = KINDS.filter((k) => status.pacing.pauses[k.type]);
  const toggle = (type: Fulfilment) =>
    setChosen((c) => (c.includes(type) ? c.filter((t) => t !== type) : [...c, type]));
  return (
    <section className="pacing__part" aria-labelledby="pacing-pause">
      <h3 id="pacing-pause">{t('pacing.pauseTitle')}</h3>
      {paused.map((k) => (
        <PausedNotice key={k.type} kind={k} status={status} change={change} busy={busy} />
      ))}
      <fieldset className="pacing__row">
        <legend>{t('pacing.which')}</legend>
        {KINDS.map((k) => (
          <label key={k.type} className="pacing__choice">
            <input
              type="checkbox"
              checked={chosen.includes(k.type)}
              onChange={() => toggle(k.type)}
            />
            {t(`fulfilment.${k.label}`)}
          </label>
        ))}
      </fieldset>
      <label className="pacing__reason">
        <span>{t('pacing.reason')}</span>
        <input
          list="pacing-reasons"
          value={reason}
          maxLength={120}
          onChange={(e) => setReason(e.target.value)}
        />
        <datalist id="pacing-reasons">
          {reasons.map((r) => (
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
            {minutes < 60
              ? t('pacing.pauseMinutes', { minutes })
              : t('pacing.pauseHours', { hours: minutes / 60 })}
          </button>
        ))}
      </div>
    </section>
  );
}

/** One paused kind of order: until when and why, and the button that resumes it. */
function PausedNotice({
  kind: k,
  status,
  change,
  busy,
}: PartProps & { kind: (typeof KINDS)[number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pause = status.pacing.pauses[k.type];
  if (!pause) return null;
  return (
    <p className="pacing__paused" role="status">
      <Trans
        t={t}
        i18nKey="pacing.paused"
        values={{
          kind: t(`fulfilment.${k.label}`),
          time: format.clock(pause.until),
          reason: pause.reason,
        }}
        components={{ strong: <strong /> }}
      />{' '}
      <button
        type="button"
        className="pacing__btn"
        disabled={busy}
        onClick={() => change({ kind: 'resume', fulfilments: [k.type] })}
      >
        {t('pacing.resume', { kind: t(`fulfilment.${k.label}`).toLowerCase() })}
      </button>
    </p>
  );
}
