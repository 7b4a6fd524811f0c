import { useTranslation } from '@kds/i18n/react';
import type { CSSProperties, RefObject } from 'react';
import { HeldLane } from './held-lane.tsx';
import { SafeTicketCard } from './safe-ticket-card.tsx';
import { ticketsOf, type TicketPart } from './ticket-parts.ts';
import type { KitchenConfig, Station, Ticket } from './types.ts';
import type { usePaging } from './use-paging.ts';
import type { TicketActions } from './use-ticket-actions.ts';

type Paging = ReturnType<typeof usePaging<TicketPart>>;

/** The rail: the held lane, this page of tickets in fire order, and the pager. */
export function TicketRail(props: {
  loaded: boolean;
  held: Ticket[];
  visible: Ticket[];
  paging: Paging;
  gridRef: RefObject<HTMLDivElement | null>;
  station: Station | null;
  config: KitchenConfig;
  serverNow: number;
  selectedId: string | undefined;
  select: (orderId: string) => void;
  flashing: ReadonlySet<string>;
  actions: TicketActions;
}) {
  const { held, visible, paging, actions } = props;
  const { t } = useTranslation('kitchen');
  return (
    <main className="rail" aria-label={t('board.tickets')}>
      {held.length > 0 && <HeldLane tickets={held} />}
      {visible.length === 0 && (
        <p className="rail__empty">{props.loaded ? t('board.empty') : t('board.loading')}</p>
      )}
      <div
        className={`rail__grid ${paging.measuring ? 'is-measuring' : ''}`}
        ref={props.gridRef}
        style={{ '--columns': paging.columns } as CSSProperties}
      >
        {paging.visible.map(({ ticket, ...part }) => (
          <SafeTicketCard
            key={`${ticket.orderId}:${part.index}`}
            ticket={ticket}
            part={part}
            position={visible.indexOf(ticket) + 1}
            station={props.station}
            config={props.config}
            serverNow={props.serverNow}
            selected={props.selectedId === ticket.orderId}
            flashing={props.flashing.has(ticket.orderId)}
            busy={actions.busy === ticket.orderId}
            pending={actions.pendingOrders.has(ticket.orderId)}
            refusal={actions.refused.get(ticket.orderId) ?? null}
            onDismissRefusal={() => actions.dismissRefusal(ticket.orderId)}
            onItem={(item) => void actions.toggleItem(ticket, item)}
            onSelect={() => props.select(ticket.orderId)}
            onBump={() => void actions.bump(ticket)}
            onRush={() => void actions.rush(ticket)}
          />
        ))}
      </div>
      {(paging.hasPrevious || paging.remaining > 0) && <Pager paging={paging} />}
    </main>
  );
}

function Pager({ paging }: { paging: Paging }) {
  const { t } = useTranslation('kitchen');
  return (
    <nav className="pager" aria-label={t('board.pages')}>
      <button
        type="button"
        className="btn"
        disabled={!paging.hasPrevious}
        onClick={paging.previous}
      >
        {t('board.previous')}
      </button>
      <span>{t('board.page', { page: paging.pageNumber })}</span>
      <button type="button" className="btn" disabled={paging.remaining === 0} onClick={paging.next}>
        {t('board.next', { count: ticketsOf(paging.later).length })}
      </button>
    </nav>
  );
}
