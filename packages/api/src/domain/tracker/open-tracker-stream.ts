import { streamEvents } from '../../events/stream-events.ts';
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
}: {
  ctx: DomainContext;
  input: TrackerOnOrderInput;
  signal?: AbortSignal;
}): Promise<AsyncGenerator<TrackerUpdate & { seq: number }>> {
  const order = await findTrackedOrder(ctx, input.trackingToken);
  const stream = streamEvents({
    bus: ctx.bus,
    log: ctx.log,
    storeId: order.storeId,
    orderId: order.id,
    afterSeq: input.lastEventId ? Number(input.lastEventId) : 0,
    maxReplay: ctx.config.maxReplayEvents,
    ...(signal ? { signal } : {}),
  });
  return (async function* () {
    for await (const event of stream) {
      if (event.type === 'stream.resync') continue;
      const update = toTrackerUpdate(event);
      if (update) yield { seq: event.seq, ...update };
    }
  })();
}
