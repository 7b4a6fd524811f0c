import type { LiveShare } from '../../events/live-groups.ts';
import { streamEvents, type ResyncMarker, type StopSignal } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
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
  signal?: StopSignal;
  live?: LiveShare<StoredEvent>;
}): Promise<AsyncGenerator<StoredEvent | ResyncMarker>> {
  const { storeId } = requireManager(ctx);
  return streamEvents({
    bus: ctx.bus,
    log: ctx.log,
    storeId,
    afterSeq: input.lastEventId ? Number(input.lastEventId) : null,
    maxReplay: ctx.config.maxReplayEvents,
    ...(signal ? { signal } : {}),
    ...(live ? { share: { ...live, key: 'store' } } : {}),
  });
}
