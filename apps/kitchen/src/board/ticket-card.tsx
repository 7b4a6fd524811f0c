import { useTranslation } from '@kds/i18n/react';
import type { KitchenConfig, Station, Ticket, TicketItem } from './types.ts';
import type { TicketPart } from './ticket-parts.ts';
import {
  Allergies,
  Refusal,
  StationProgress,
  TicketButtons,
  TicketHead,
} from './ticket-sections.tsx';
import { TicketItems } from './ticket-items.tsx';
import { itemsFor, urgency } from './views.ts';

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
  const { ticket, station, config, serverNow } = props;
  const isExpo = !station || station.kind === 'expo';
  const ageMs = serverNow - new Date(ticket.placedAt ?? serverNow).getTime();
  const level = urgency(ticket, ageMs, config.store.ticketThresholds);
  const items = props.part?.items ?? itemsFor(ticket, station);
  const { index = 0, count = 1 } = props.part ?? {};
  const last = index === count - 1;
  const allDone = ticket.items.every((i) => i.status === 'done');
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
      <TicketHead
        ticket={ticket}
        position={props.position}
        ageMs={ageMs}
        level={level}
        part={{ index, count }}
      />
      <Allergies allergies={ticket.allergies ?? []} />
      {index === 0 && isExpo && <StationProgress ticket={ticket} stations={config.stations} />}
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
        <Refusal reason={props.refusal} dismiss={() => props.onDismissRefusal?.()} />
      )}
      {last && (
        <TicketButtons
          rushed={ticket.priority > 0}
          force={isExpo && !allDone}
          disabled={props.busy || Boolean(props.pending)}
          onRush={props.onRush}
          onBump={props.onBump}
        />
      )}
    </article>
  );
}
