import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import type { LiveCarrier, LiveGroups, LiveShare } from './events/live-groups.ts';
import type { StopSignal } from './events/stream-events.ts';
import type { StreamLease } from './stream-guard.ts';

export type SubscriptionKind = 'kitchen' | 'tracker' | 'board' | 'menu' | 'store';

/** Open subscriptions in this process, by kind: read by the server's /metrics. */
export const liveSubscriptions: Record<SubscriptionKind, number> = {
  kitchen: 0,
  tracker: 0,
  board: 0,
  menu: 0,
  store: 0,
};

/**
 * Where a WebSocket connection's encoder finds the carrier of the subscription it is starting.
 * tRPC's adapter asks a subscription's iterable for its iterator and, in the same synchronous
 * step, sends "started" for it: the iterator offers its carrier here, and the encoder takes it
 * while writing "started", when it knows the subscription's id and socket.
 */
export class HandoffSlot {
  #offered: LiveCarrier<never> | null = null;

  offer(carrier: LiveCarrier<never>): void {
    this.#offered = carrier;
  }

  take<T>(): LiveCarrier<T> | null {
    const carrier = this.#offered as LiveCarrier<T> | null;
    this.#offered = null;
    return carrier;
  }
}

/**
 * Wraps a stream of sequenced items as `tracked()` so clients resume from the last id. A plain
 * iterator rather than another async generator: it runs once per subscriber per event, and a
 * generator layer costs a suspended frame and extra promises each time. When the stream ends it
 * gives its lease back; a stream ended by revocation ends with UNAUTHORIZED, so the client
 * knows it was signed out rather than finished.
 */
export function trackedBySeq<T extends { seq: number }>(
  stream: AsyncIterable<T>,
  kind: SubscriptionKind,
  lease: StreamLease | undefined,
  onStart?: () => void,
): AsyncIterable<TrackedEnvelope<T>> {
  return {
    [Symbol.asyncIterator]() {
      onStart?.();
      const inner = stream[Symbol.asyncIterator]();
      liveSubscriptions[kind] += 1;
      let open = true;
      const end = () => {
        if (open) liveSubscriptions[kind] -= 1;
        open = false;
        lease?.end();
      };
      return {
        next: () =>
          inner.next().then(
            (step): IteratorResult<TrackedEnvelope<T>> => {
              if (!step.done) return { value: tracked(String(step.value.seq), step.value) };
              end();
              if (lease?.revoked) {
                throw new TRPCError({ code: 'UNAUTHORIZED', message: 'signed out' });
              }
              return step;
            },
            (error: unknown) => {
              end();
              throw error;
            },
          ),
        return: async () => {
          end();
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * A subscription's resolver: opens the domain stream on the lease's signal (the client leaving,
 * or its principal revoked) and wraps it for tRPC. On a transport that carries handoffs
 * (`handoffs`), the stream shares its group's live tail once it is live (`LiveGroups`).
 */
export async function liveStream<T extends { seq: number }>(
  ctx: { stream?: StreamLease; liveGroups?: LiveGroups; handoffs?: HandoffSlot },
  kind: SubscriptionKind,
  // `never`: the stream's item type is inferred from what `open` returns, not from this.
  open: (options: { signal?: StopSignal; live?: LiveShare<never> }) => Promise<AsyncIterable<T>>,
): Promise<AsyncIterable<TrackedEnvelope<T>>> {
  const { liveGroups, handoffs } = ctx;
  const carrier: LiveCarrier<never> | undefined =
    liveGroups && handoffs ? { member: null } : undefined;
  const stream = await open({
    ...(ctx.stream ? { signal: ctx.stream.signal } : {}),
    ...(liveGroups && carrier ? { live: { groups: liveGroups, carrier } } : {}),
  });
  return trackedBySeq(stream, kind, ctx.stream, carrier && (() => handoffs?.offer(carrier)));
}
