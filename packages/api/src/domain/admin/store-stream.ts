import type { LiveGroups, LiveHandoff } from '../../events/live-groups.ts';
import { streamEvents, type ResyncMarker } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { StoreEventsInput } from './schemas.ts';

/** Every event of the manager's store, for the live orders table and dashboard. */
export async function openStoreStream({
  ctx,
  input,
  signal,
  groups,
}: {
  ctx: DomainContext;
  input: StoreEventsInput;
  signal?: AbortSignal;
  groups?: LiveGroups;
}): Promise<AsyncGenerator<StoredEvent | ResyncMarker | LiveHandoff<StoredEvent>>> {
  const { storeId } = requireManager(ctx);
  return streamEvents({
    bus: ctx.bus,
    log: ctx.log,
    storeId,
    afterSeq: input.lastEventId ? Number(input.lastEventId) : null,
    maxReplay: ctx.config.maxReplayEvents,
    ...(signal ? { signal } : {}),
    ...(groups ? { share: { groups, key: 'store' } } : {}),
  });
}
