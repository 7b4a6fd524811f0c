import type { ResyncMarker } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { openStream, type StreamTransport } from '../open-stream.ts';
import type { StoreEventsInput } from './schemas.ts';

/** Every event of the manager's store, for the live orders table and dashboard. */
export async function openStoreStream({
  ctx,
  input,
  signal,
  live,
}: {
  ctx: DomainContext;
  input: StoreEventsInput;
} & StreamTransport<StoredEvent>): Promise<AsyncGenerator<StoredEvent | ResyncMarker>> {
  const { storeId } = requireManager(ctx);
  return openStream(
    ctx,
    { storeId, lastEventId: input.lastEventId, key: 'store' },
    { signal, live },
  );
}
