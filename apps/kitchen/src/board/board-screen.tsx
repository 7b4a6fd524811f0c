import {
  ConnectionIndicator,
  SoundOverlay,
  useConnection,
  useKdsClients,
  useNow,
  useSound,
} from '@kds/ui';
import { useMemo, useState } from 'react';
import { Panels } from '../panels/panels.tsx';
import { useWakeLock } from '../screen/wake-lock.ts';
import { TicketRail } from './ticket-rail.tsx';
import { TopBar } from './top-bar.tsx';
import type { KitchenConfig, Station } from './types.ts';
import { useEventAlerts, useHeldRelease } from './use-board-alerts.ts';
import { useBoardKeys } from './use-board-keys.ts';
import { useFlash, type Panel } from './use-board-ui.ts';
import { useRail } from './use-rail.ts';
import { useLiveBoard } from './use-live-board.ts';
import { useTicketActions } from './use-ticket-actions.ts';
import { recallable } from './views.ts';
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
  const sound = useSound();
  const { flashing, flash } = useFlash();
  useWakeLock();

  const { onEvent, announcement } = useEventAlerts(station, sound, flash);
  const live = useLiveBoard(onEvent);
  // "Live" only once this screen's own stream is running, not merely when a socket is open.
  const connection =
    link.state === 'live' && !live.subscribed
      ? { state: 'connecting' as const, since: link.since }
      : link;
  const serverNow = useNow(1000) + live.clockOffsetMs;
  const tickets = useMemo(() => live.board?.tickets ?? [], [live.board]);
  const { rail, held, gridRef, paging, visible, selected, select } = useRail(
    tickets,
    station,
    serverNow,
  );
  const actions = useTicketActions(station, connection.state === 'live');

  useHeldRelease(held, sound, flash);

  const [panel, setPanel] = useState<Panel>(null);
  const recallList = recallable(tickets, station);

  useBoardKeys({
    visible,
    selected,
    select,
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
      <TicketRail
        loaded={live.board !== undefined}
        held={held}
        visible={visible}
        paging={paging}
        gridRef={gridRef}
        station={station}
        config={config}
        serverNow={serverNow}
        selectedId={selected?.orderId}
        select={select}
        flashing={flashing}
        actions={actions}
      />
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
