import type { LiveShare } from '../../events/live-groups.ts';
import { isResync, streamEvents, type StopSignal } from '../../events/stream-events.ts';
import type { StoredEvent } from '../../events/types.ts';
import type { DomainContext } from '../context.ts';
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
  signal?: StopSignal;
  live?: LiveShare<TrackedUpdate>;
}): Promise<AsyncGenerator<TrackedUpdate>> {
  const order = await findTrackedOrder(ctx, input.trackingToken);
  const stream = streamEvents({
    bus: ctx.bus,
    log: ctx.log,
    storeId: order.storeId,
    orderId: order.id,
    afterSeq: input.lastEventId ? Number(input.lastEventId) : 0,
    maxReplay: ctx.config.maxReplayEvents,
    select: trackedUpdate,
    ...(signal ? { signal } : {}),
    // One order's trackers (a guest's phone, the same link opened twice) share one tail.
    ...(live ? { share: { ...live, key: `tracker:${order.id}` } } : {}),
  });
  return (async function* () {
    for await (const item of stream) if (!isResync(item)) yield item;
  })();
}

type TrackedUpdate = TrackerUpdate & { seq: number };

function trackedUpdate(event: StoredEvent): TrackedUpdate | null {
  const update = toTrackerUpdate(event);
  return update ? { seq: event.seq, ...update } : null;
}
