import type { LiveShare } from '../../events/live-groups.ts';
import { streamEvents, type ResyncMarker, type StopSignal } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { findStation } from '../orders/internal.ts';
import { kitchenEventFilter } from './event-filter.ts';
import type { KitchenOnEventInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * Checks who is asking, then opens the store's stream from the given cursor (or from now).
 * Checks happen before the first event so a refusal is a clean error, not a broken stream.
 */
export async function openKitchenStream({
  ctx,
  input,
  signal,
  live,
}: {
  ctx: DomainContext;
  input: KitchenOnEventInput;
  signal?: StopSignal;
  live?: LiveShare<StoredEvent>;
}): Promise<AsyncGenerator<StoredEvent | ResyncMarker>> {
  const { storeId } = requireKitchen(ctx);
  const stationId = input.stationId;
  if (stationId) await inStore(ctx, storeId, ({ tx }) => findStation(tx, storeId, stationId));
  const shows = kitchenEventFilter(input.stationId);
  return streamEvents({
    bus: ctx.bus,
    log: ctx.log,
    storeId,
    afterSeq: input.lastEventId ? Number(input.lastEventId) : null,
    select: (event) => (shows(event) ? event : null),
    maxReplay: ctx.config.maxReplayEvents,
    ...(signal ? { signal } : {}),
    // The screens of one station (or every expo screen) share one live tail.
    ...(live ? { share: { ...live, key: `kitchen:${input.stationId ?? 'all'}` } } : {}),
  });
}
