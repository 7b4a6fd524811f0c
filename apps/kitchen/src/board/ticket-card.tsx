import { useTranslation } from '@kds/i18n/react';
import { formatElapsed, useFormat } from '@kds/ui';
import type { KitchenConfig, Station, Ticket, TicketItem } from './types.ts';
import type { TicketPart } from './ticket-parts.ts';
import { TicketItems } from './ticket-items.tsx';
import { itemsFor, stationProgress, urgency } from './views.ts';

export interface TicketCardProps {
  ticket: Ticket;
  /** This card's share of a ticket too tall for one card (all of it when it fits). */
  part?: Pick<TicketPart, 'index' | 'count' | 'items'>;
  position: number;
  station: Station | null;
  config: KitchenConfig;
  serverNow: number;
  selected: boolean;
  flashing: boolean;
  busy: boolean;
  /** A command for this ticket waits on the device until the screen is back online. */
  pending?: boolean;
  /** What the server said to a command sent after the screen came back (not applied). */
  refusal?: string | null;
  onDismissRefusal?(): void;
  /** A station screen's tap on one item (done, or back within the undo time). */
  onItem?(item: TicketItem): void;
  onSelect(): void;
  onBump(): void;
  onRush(): void;
}

/** One ticket, legible from three metres: number, type, timer, items, and what is special. */
export function TicketCard(props: TicketCardProps) {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const { ticket, station, config, serverNow } = props;
  const isExpo = !station || station.kind === 'expo';
  const ageMs = serverNow - new Date(ticket.placedAt ?? serverNow).getTime();
  const level = urgency(ticket, ageMs, config.store.ticketThresholds);
  const items = props.part?.items ?? itemsFor(ticket, station);
  const { index = 0, count = 1 } = props.part ?? {};
  const last = index === count - 1;
  const allergies = ticket.allergies ?? [];
  const progress = isExpo ? stationProgress(ticket, config.stations) : [];
  const allDone = ticket.items.every((i) => i.status === 'done');
  const kind = tc(`fulfilment.${ticket.fulfilment}`);
  const classes = [
    'ticket',
    `ticket--${level}`,
    props.selected && 'ticket--selected',
    props.flashing && 'ticket--flash',
    ticket.priority > 0 && 'ticket--rush',
  ];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      aria-label={t(index === 0 ? 'ticket.order' : 'ticket.orderContinued', {
        number: ticket.number,
      })}
      aria-current={props.selected ? 'true' : undefined}
      onClick={props.onSelect}
    >
      <header className="ticket__head">
        <span className="ticket__pos" aria-hidden="true">
          {props.position}
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
      {allergies.length > 0 && (
        <p className="ticket__allergy">
          {t('ticket.allergy', { allergies: allergies.join(', ').toUpperCase() })}
        </p>
      )}
      {index === 0 && isExpo && progress.length > 0 && (
        <ul className="ticket__progress" aria-label={t('ticket.stations')}>
          {progress.map((p) => (
            <li key={p.station.id} className={p.done === p.total ? 'is-done' : ''}>
              {p.station.name} {p.done === p.total ? '✓' : `${p.done}/${p.total}`}
            </li>
          ))}
        </ul>
      )}
      <TicketItems
        number={ticket.number}
        items={items}
        tappable={!isExpo && Boolean(props.onItem)}
        serverNow={serverNow}
        disabled={props.busy || Boolean(props.pending)}
        onItem={(item) => props.onItem?.(item)}
      />
      {last && ticket.notes && (
        <p className="ticket__note">{t('ticket.orderNote', { note: ticket.notes })}</p>
      )}
      {props.pending && (
        <p className="ticket__pending" role="status">
          {t('ticket.pending')}
        </p>
      )}
      {props.refusal && (
        <p className="ticket__refused" role="alert">
          {t('ticket.refused', { reason: props.refusal })}
          <button
            type="button"
            className="btn"
            onClick={(e) => {
              e.stopPropagation();
              props.onDismissRefusal?.();
            }}
          >
            {tc('ok')}
          </button>
        </p>
      )}
      {last && (
        <footer className="ticket__actions">
          <button
            type="button"
            className="btn btn--rush"
            aria-pressed={ticket.priority > 0}
            onClick={(e) => {
              e.stopPropagation();
              props.onRush();
            }}
          >
            {ticket.priority > 0 ? t('ticket.unrush') : t('ticket.rush')}
          </button>
          <button
            type="button"
            className={`btn btn--bump ${isExpo && !allDone ? 'btn--force' : ''}`}
            disabled={props.busy || props.pending}
            onClick={(e) => {
              e.stopPropagation();
              props.onBump();
            }}
          >
            {isExpo && !allDone ? t('ticket.forceReady') : t('ticket.bump')}
          </button>
        </footer>
      )}
    </article>
  );
}
