import { useTranslation } from '@kds/i18n/react';
import {
  ConnectionIndicator,
  SoundOverlay,
  useConnection,
  useKdsClients,
  useNow,
  useSound,
} from '@kds/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Panels } from '../panels/panels.tsx';
import { useWakeLock } from '../screen/wake-lock.ts';
import { HeldLane } from './held-lane.tsx';
import { SafeTicketCard } from './safe-ticket-card.tsx';
import { ticketParts, ticketsOf, useItemBudget } from './ticket-parts.ts';
import { TopBar } from './top-bar.tsx';
import type { KitchenConfig, Station, StoredEvent } from './types.ts';
import { useBoardKeys } from './use-board-keys.ts';
import { useFlash, type Panel } from './use-board-ui.ts';
import { usePaging } from './use-paging.ts';
import { useLiveBoard } from './use-live-board.ts';
import { useTicketActions } from './use-ticket-actions.ts';
import { heldTickets, itemsFor, railTickets, recallable } from './views.ts';
import { UndoBar } from './undo-bar.tsx';

export function BoardScreen({
  config,
  station,
}: {
  config: KitchenConfig;
  station: Station | null;
}) {
  const { wsClient } = useKdsClients();
  const link = useConnection(wsClient);
  const { t } = useTranslation('kitchen');
  const sound = useSound();
  const { flashing, flash } = useFlash();
  const [announcement, setAnnouncement] = useState('');
  useWakeLock();

  const onEvent = useCallback(
    (event: StoredEvent) => {
      if (event.orderId) flash(event.orderId);
      if (event.type === 'order.placed' && itemsFor(event.payload.ticket, station).length > 0) {
        sound.play('new');
        setAnnouncement(t('board.announceNew', { number: event.payload.ticket.number }));
      } else if (event.type === 'order.canceled' || event.type === 'ticket.recalled') {
        sound.play('change');
        setAnnouncement(
          event.type === 'order.canceled'
            ? t('board.announceCanceled')
            : t('board.announceRecalled'),
        );
      } else if (event.type === 'order.items_added' || event.type === 'ticket.prioritized') {
        sound.play('change');
      }
    },
    [flash, sound, station, t],
  );
  const live = useLiveBoard(onEvent);
  // "Live" only once this screen's own stream is running, not merely when a socket is open.
  const connection =
    link.state === 'live' && !live.subscribed
      ? { state: 'connecting' as const, since: link.since }
      : link;
  const serverNow = useNow(1000) + live.clockOffsetMs;
  const tickets = useMemo(() => live.board?.tickets ?? [], [live.board]);
  const rail = useMemo(
    () => railTickets(tickets, station, serverNow),
    [tickets, station, serverNow],
  );
  const held = heldTickets(tickets, station, serverNow);
  const actions = useTicketActions(station, connection.state === 'live');

  // A scheduled ticket leaving the held lane is a new ticket for the cooks.
  const heldIds = useRef(new Set<string>());
  useEffect(() => {
    const now = new Set(held.map((t) => t.orderId));
    for (const id of heldIds.current) {
      if (now.has(id)) continue;
      sound.play('new');
      flash(id);
    }
    heldIds.current = now;
  }, [held, sound, flash]);

  const gridRef = useRef<HTMLDivElement>(null);
  const budget = useItemBudget();
  const cards = useMemo(() => ticketParts(rail, station, budget), [rail, station, budget]);
  const paging = usePaging(cards, gridRef);
  const visible = useMemo(() => ticketsOf(paging.visible), [paging.visible]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = visible.find((t) => t.orderId === selectedId) ?? visible[0] ?? null;
  const [panel, setPanel] = useState<Panel>(null);
  const recallList = recallable(tickets, station);

  useBoardKeys({
    visible,
    selected,
    select: setSelectedId,
    page: (delta) => (delta > 0 ? paging.next() : paging.previous()),
    bump: (t) => void actions.bump(t),
    rush: (t) => void actions.rush(t),
    recallLast: () => recallList[0] && void actions.recall(recallList[0]),
    undo: () => void actions.undo(),
    panel,
    setPanel,
  });

  return (
    <div className="screen">
      <TopBar
        config={config}
        station={station}
        openCount={rail.length}
        heldCount={held.length}
        recallCount={recallList.length}
        panel={panel}
        setPanel={setPanel}
        indicator={<ConnectionIndicator connection={connection} lastEventAt={live.lastEventAt} />}
      />
      <main className="rail" aria-label={t('board.tickets')}>
        {held.length > 0 && <HeldLane tickets={held} />}
        {visible.length === 0 && (
          <p className="rail__empty">{live.board ? t('board.empty') : t('board.loading')}</p>
        )}
        <div
          className={`rail__grid ${paging.measuring ? 'is-measuring' : ''}`}
          ref={gridRef}
          style={{ '--columns': paging.columns } as CSSProperties}
        >
          {paging.visible.map(({ ticket, ...part }) => (
            <SafeTicketCard
              key={`${ticket.orderId}:${part.index}`}
              ticket={ticket}
              part={part}
              position={visible.indexOf(ticket) + 1}
              station={station}
              config={config}
              serverNow={serverNow}
              selected={selected?.orderId === ticket.orderId}
              flashing={flashing.has(ticket.orderId)}
              busy={actions.busy === ticket.orderId}
              pending={actions.pendingOrders.has(ticket.orderId)}
              refusal={actions.refused.get(ticket.orderId) ?? null}
              onDismissRefusal={() => actions.dismissRefusal(ticket.orderId)}
              onItem={(item) => void actions.toggleItem(ticket, item)}
              onSelect={() => setSelectedId(ticket.orderId)}
              onBump={() => void actions.bump(ticket)}
              onRush={() => void actions.rush(ticket)}
            />
          ))}
        </div>
        {(paging.hasPrevious || paging.remaining > 0) && (
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
            <button
              type="button"
              className="btn"
              disabled={paging.remaining === 0}
              onClick={paging.next}
            >
              {t('board.next', { count: ticketsOf(paging.later).length })}
            </button>
          </nav>
        )}
      </main>
      <Panels
        panel={panel}
        close={() => setPanel(null)}
        tickets={tickets}
        station={station}
        config={config}
        recallList={recallList}
        actions={actions}
      />
      <UndoBar actions={actions} />
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      <SoundOverlay sound={sound} />
    </div>
  );
}
