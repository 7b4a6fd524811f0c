import { isResync } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import type { DomainContext } from '../context.ts';
import { openStream, type StreamTransport } from '../open-stream.ts';
import { storeAt } from '../stores/store-slug.ts';
import { toBoardChange, type BoardChange } from './board-for-store.ts';
import type { StoreStreamInput } from './schemas.ts';

interface PublicStreamOptions<T> extends StreamTransport<T> {
  ctx: DomainContext;
  input: StoreStreamInput;
}

/**
 * A public, store-wide stream mapped through `view`; events it maps to null are not sent. Every
 * open board (or menu) of a store shares one live tail: the view runs once per event.
 */
async function openPublicStream<T extends { seq: number }>(
  { ctx, input, signal, live }: PublicStreamOptions<T>,
  key: string,
  view: (event: StoredEvent) => T | null,
) {
  const store = await storeAt(ctx, input.storeSlug);
  const stream = openStream(
    ctx,
    { storeId: store.id, lastEventId: input.lastEventId, select: view, key },
    { signal, live },
  );
  return (async function* () {
    for await (const item of stream) {
      if (isResync(item)) yield { seq: item.seq, resync: true as const };
      else yield item;
    }
  })();
}

/** The in-store board's live feed: numbers moving between Preparing and Ready. */
export function openBoardStream(opts: PublicStreamOptions<BoardChange>) {
  return openPublicStream(opts, 'board', toBoardChange);
}

/** Open menus hear of an 86 (or its end) and of a change in the kitchen's pacing at once. */
export function openMenuStream(opts: PublicStreamOptions<MenuChange>) {
  return openPublicStream(opts, 'menu', toMenuChange);
}

type MenuChange = NonNullable<ReturnType<typeof toMenuChange>>;

function toMenuChange(event: StoredEvent) {
  switch (event.type) {
    case 'menu.item_86ed':
    case 'menu.item_restored':
      return {
        seq: event.seq,
        menuItemId: event.payload.menuItemId,
        isAvailable: event.type === 'menu.item_restored',
      };
    case 'store.pacing_changed':
      return { seq: event.seq, pacing: event.payload.pacing };
    // Stations are the kitchen's business; an item or a category is the guest's too.
    case 'menu.changed':
      return event.payload.entity === 'station' ? null : { seq: event.seq, menuChanged: true };
    default:
      return null;
  }
}
