import { useTranslation } from '@kds/i18n/react';
import { GuestRegion } from '../shared/guest-language.tsx';
import { ConnectionIndicator, SoundOverlay, useConnection, useKdsClients, useSound } from '@kds/ui';
import { useLiveStoreBoard } from './use-live-store-board.ts';
import { useJustReady } from './use-just-ready.ts';

/**
 * The in-store board: numbers only, in two columns (a third while deliveries are out), readable
 * across the room. It says whether
 * it is live, and a number turning Ready chimes and glows (once someone has tapped the screen:
 * browsers keep a page silent until then).
 */
export function BoardPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  const { t: tc } = useTranslation();
  const { wsClient } = useKdsClients();
  const link = useConnection(wsClient);
  const sound = useSound();
  const { justReady, markReady } = useJustReady();
  const { board, streaming, lastEventAt } = useLiveStoreBoard(storeSlug, (number) => {
    markReady(number);
    sound.play('ready');
  });
  if (board.error) return <p className="page">{t('storeNotFound')}</p>;
  if (!board.data) return <p className="page">{tc('loading')}</p>;
  // "Live" only once the board's own stream runs, not merely when a socket is open.
  const connection =
    link.state === 'live' && !streaming
      ? { state: 'connecting' as const, since: link.since }
      : link;
  return (
    <GuestRegion store={board.data}>
      <main className="board">
        <h1 className="visually-hidden">{t('board.title', { store: board.data.storeName })}</h1>
        <div className="board__status">
          <ConnectionIndicator connection={connection} lastEventAt={lastEventAt} />
        </div>
        <BoardColumn
          id="col-preparing"
          title={t('board.preparing')}
          numbers={board.data.preparing}
          empty={t('board.noneCooking')}
        />
        <BoardColumn
          id="col-ready"
          className="board__ready"
          title={t('board.ready')}
          numbers={board.data.ready}
          empty={t('board.noneReady')}
          glowing={justReady}
        />
        {board.data.onTheWay.length > 0 && (
          <BoardColumn
            id="col-on-the-way"
            className="board__on-the-way"
            title={t('board.onTheWay')}
            numbers={board.data.onTheWay}
          />
        )}
        <SoundOverlay sound={sound} />
      </main>
    </GuestRegion>
  );
}

/** A column of order numbers, in type the room can read; "none" said rather than left blank. */
function BoardColumn(props: {
  id: string;
  title: string;
  numbers: number[];
  empty?: string;
  className?: string;
  /** Numbers that just turned ready, which glow for a moment. */
  glowing?: ReadonlySet<number>;
}) {
  return (
    <section aria-labelledby={props.id} className={props.className}>
      <h2 id={props.id}>{props.title}</h2>
      {props.empty && props.numbers.length === 0 && <p className="board__empty">{props.empty}</p>}
      <ul aria-live="polite">
        {props.numbers.map((n) => (
          <li key={n} className={props.glowing?.has(n) ? 'board__new' : undefined}>
            {n}
          </li>
        ))}
      </ul>
    </section>
  );
}
