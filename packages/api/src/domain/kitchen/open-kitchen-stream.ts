import type { ResyncMarker } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { openStream, type StreamTransport } from '../open-stream.ts';
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
} & StreamTransport<StoredEvent>): Promise<AsyncGenerator<StoredEvent | ResyncMarker>> {
  const { storeId } = requireKitchen(ctx);
  const stationId = input.stationId;
  if (stationId) await inStore(ctx, storeId, ({ db }) => findStation(db, storeId, stationId));
  const shows = kitchenEventFilter(input.stationId);
  // The screens of one station (or every expo screen) share one live tail.
  return openStream(
    ctx,
    {
      storeId,
      lastEventId: input.lastEventId,
      select: (event) => (shows(event) ? event : null),
      key: `kitchen:${input.stationId ?? 'all'}`,
    },
    { signal, live },
  );
}
