import { useTranslation } from '@kds/i18n/react';
import { formatElapsed, useFormat } from '@kds/ui';
import type { KitchenConfig, Ticket } from './types.ts';
import { stationProgress, type Urgency } from './views.ts';

/**
 * The head of a ticket: its place on the screen (the key to press), number, timer, type, guest,
 * and the badges (continued, rush, late, due).
 */
export function TicketHead({
  ticket,
  position,
  ageMs,
  level,
  part: { index, count },
}: {
  ticket: Ticket;
  position: number;
  ageMs: number;
  level: Urgency;
  part: { index: number; count: number };
}) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const kind = tc(`fulfilment.${ticket.fulfilment}`);
  return (
    <header className="ticket__head">
      <span className="ticket__pos" aria-hidden="true">
        {position}
      </span>
      <span className="ticket__number">#{ticket.number}</span>
      <span
        className="ticket__timer"
        aria-label={t('ticket.waiting', { elapsed: formatElapsed(ageMs) })}
      >
        {formatElapsed(ageMs)}
      </span>
      <span className="ticket__meta">
        {kind}
        {ticket.tableLabel ? ` · ${t('ticket.table', { table: ticket.tableLabel })}` : ''} ·{' '}
        {ticket.customerName}
      </span>
      <span className="ticket__status">
        {count > 1 && (
          <span className="ticket__continued">
            {t('ticket.continued', { part: index + 1, count })}
          </span>
        )}
        {ticket.priority > 0 && <b className="badge badge--rush">{t('ticket.rushBadge')}</b>}
        <span className={`badge badge--${level}`}>{t(`ticket.urgency.${level}`)}</span>
        {ticket.fireAt && (
          <span className="badge">{t('ticket.due', { time: format.clock(ticket.fireAt) })}</span>
        )}
      </span>
    </header>
  );
}

/** A command sent after the screen came back that the server refused (and did not apply). */
export function Refusal({ reason, dismiss }: { reason: string; dismiss: () => void }) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  return (
    <p className="ticket__refused" role="alert">
      {t('ticket.refused', { reason })}
      <button
        type="button"
        className="btn"
        onClick={(e) => {
          e.stopPropagation();
          dismiss();
        }}
      >
        {tc('ok')}
      </button>
    </p>
  );
}

/** Rush, and bump (at the expo, "force ready" while a station is not done). */
export function TicketButtons({
  rushed,
  force,
  disabled,
  onRush,
  onBump,
}: {
  rushed: boolean;
  force: boolean;
  disabled: boolean;
  onRush: () => void;
  onBump: () => void;
}) {
  const { t } = useTranslation('kitchen');
  return (
    <footer className="ticket__actions">
      <button
        type="button"
        className="btn btn--rush"
        aria-pressed={rushed}
        onClick={(e) => {
          e.stopPropagation();
          onRush();
        }}
      >
        {rushed ? t('ticket.unrush') : t('ticket.rush')}
      </button>
      <button
        type="button"
        className={`btn btn--bump ${force ? 'btn--force' : ''}`}
        disabled={disabled}
        onClick={(e) => {
          e.stopPropagation();
          onBump();
        }}
      >
        {force ? t('ticket.forceReady') : t('ticket.bump')}
      </button>
    </footer>
  );
}

/** The guest's allergies, in capitals across the ticket; nothing when there are none. */
export function Allergies({ allergies }: { allergies: string[] }) {
  const { t } = useTranslation('kitchen');
  if (allergies.length === 0) return null;
  return (
    <p className="ticket__allergy">
      {t('ticket.allergy', { allergies: allergies.join(', ').toUpperCase() })}
    </p>
  );
}

/** On the expo screen: how far each station is with this ticket ("Grill 1/2", "Fry ✓"). */
export function StationProgress({
  ticket,
  stations,
}: {
  ticket: Ticket;
  stations: KitchenConfig['stations'];
}) {
  const { t } = useTranslation('kitchen');
  const progress = stationProgress(ticket, stations);
  if (progress.length === 0) return null;
  return (
    <ul className="ticket__progress" aria-label={t('ticket.stations')}>
      {progress.map((p) => (
        <li key={p.station.id} className={p.done === p.total ? 'is-done' : ''}>
          {p.station.name} {p.done === p.total ? '✓' : `${p.done}/${p.total}`}
        </li>
      ))}
    </ul>
  );
}
