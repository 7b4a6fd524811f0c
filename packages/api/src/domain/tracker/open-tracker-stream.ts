import { isResync } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import type { DomainContext } from '../context.ts';
import { openStream, type StreamTransport } from '../open-stream.ts';
import { findTrackedOrder, toTrackerUpdate, type TrackerUpdate } from './get-tracked-order.ts';
import type { TrackerOnOrderInput } from './schemas.ts';

/**
 * One order's updates for its token holder. Without a cursor it replays the order's whole
 * (short) history, so a tracker opened at any moment converges on the true status.
 */
export async function openTrackerStream({
  ctx,
  input,
  signal,
  live,
}: {
  ctx: DomainContext;
  input: TrackerOnOrderInput;
} & StreamTransport<TrackedUpdate>): Promise<AsyncGenerator<TrackedUpdate>> {
  const order = await findTrackedOrder(ctx, input.trackingToken);
  // One order's trackers (a guest's phone, the same link opened twice) share one tail.
  const stream = openStream(
    ctx,
    {
      storeId: order.storeId,
      orderId: order.id,
      lastEventId: input.lastEventId,
      start: 0,
      select: trackedUpdate,
      key: `tracker:${order.id}`,
    },
    { signal, live },
  );
  return (async function* () {
    for await (const item of stream) if (!isResync(item)) yield item;
  })();
}

type TrackedUpdate = TrackerUpdate & { seq: number };

function trackedUpdate(event: StoredEvent): TrackedUpdate | null {
  const update = toTrackerUpdate(event);
  return update ? { seq: event.seq, ...update } : null;
}
