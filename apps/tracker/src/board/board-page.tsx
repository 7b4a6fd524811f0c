import type { AppRouter } from '@kds/api/client';
import type { inferRouterOutputs } from '@trpc/server';
import { useTranslation } from '@kds/i18n/react';
import { GuestRegion } from '../shared/guest-language.tsx';
import {
  ConnectionIndicator,
  SoundOverlay,
  useConnection,
  useKdsClients,
  useSound,
  useTRPC,
} from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useJustReady } from './use-just-ready.ts';

type Board = inferRouterOutputs<AppRouter>['board']['forStore'];

/**
 * The in-store board: numbers only, in two columns (a third while deliveries are out), readable
 * across the room. It says whether
 * it is live, and a number turning Ready chimes and glows (once someone has tapped the screen:
 * browsers keep a page silent until then).
 */
export function BoardPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { wsClient } = useKdsClients();
  const link = useConnection(wsClient);
  const sound = useSound();
  const { justReady, markReady } = useJustReady();
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const options = trpc.board.forStore.queryOptions({ storeSlug });
  const board = useQuery(options);
  const [cursor, setCursor] = useState<string | null>(null);
  useEffect(() => {
    if (board.data && cursor === null) setCursor(board.data.cursor);
  }, [board.data, cursor]);
  const stream = useSubscription(
    trpc.board.onStore.subscriptionOptions(
      { storeSlug, lastEventId: cursor ?? undefined },
      {
        enabled: cursor !== null,
        onData: ({ data }) => {
          setLastEventAt(Date.now());
          if ('resync' in data) return void queryClient.invalidateQueries(options);
          queryClient.setQueryData(options.queryKey, (old: Board | undefined) => {
            if (!old) return old;
            const preparing = old.preparing.filter((n) => n !== data.number);
            const ready = old.ready.filter((n) => n !== data.number);
            const onTheWay = old.onTheWay.filter((n) => n !== data.number);
            if (data.column === 'preparing') preparing.push(data.number);
            if (data.column === 'ready') ready.unshift(data.number);
            if (data.column === 'on_the_way') onTheWay.push(data.number);
            return {
              ...old,
              preparing: preparing.sort((a, b) => a - b),
              ready: ready.slice(0, 24),
              onTheWay: onTheWay.sort((a, b) => a - b),
              cursor: String(data.seq),
            };
          });
          if (data.column === 'ready') {
            markReady(data.number);
            sound.play('ready');
          }
        },
      },
    ),
  );
  if (board.error) return <p className="page">{t('storeNotFound')}</p>;
  if (!board.data) return <p className="page">{tc('loading')}</p>;
  // "Live" only once the board's own stream runs, not merely when a socket is open.
  const connection =
    link.state === 'live' && stream.status !== 'pending'
      ? { state: 'connecting' as const, since: link.since }
      : link;
  return (
    <GuestRegion store={board.data}>
      <main className="board">
        <h1 className="visually-hidden">{t('board.title', { store: board.data.storeName })}</h1>
        <div className="board__status">
          <ConnectionIndicator connection={connection} lastEventAt={lastEventAt} />
        </div>
        <section aria-labelledby="col-preparing">
          <h2 id="col-preparing">{t('board.preparing')}</h2>
          {board.data.preparing.length === 0 && (
            <p className="board__empty">{t('board.noneCooking')}</p>
          )}
          <ul aria-live="polite">
            {board.data.preparing.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="col-ready" className="board__ready">
          <h2 id="col-ready">{t('board.ready')}</h2>
          {board.data.ready.length === 0 && <p className="board__empty">{t('board.noneReady')}</p>}
          <ul aria-live="polite">
            {board.data.ready.map((n) => (
              <li key={n} className={justReady.has(n) ? 'board__new' : undefined}>
                {n}
              </li>
            ))}
          </ul>
        </section>
        {board.data.onTheWay.length > 0 && (
          <section aria-labelledby="col-on-the-way" className="board__on-the-way">
            <h2 id="col-on-the-way">{t('board.onTheWay')}</h2>
            <ul aria-live="polite">
              {board.data.onTheWay.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </section>
        )}
        <SoundOverlay sound={sound} />
      </main>
    </GuestRegion>
  );
}
