import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import { LiveHandoff, type LiveGroups } from './events/live-groups.ts';
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
 * Wraps a stream of sequenced items as `tracked()` so clients resume from the last id. A live
 * handoff goes out as the item it carries, for the transport to take up (`LiveHandoff`). A plain
 * iterator rather than another async generator: it runs once per subscriber per event, and a
 * generator layer costs a suspended frame and extra promises each time. When the stream ends it
 * gives its lease back; a stream ended by revocation ends with UNAUTHORIZED, so the client
 * knows it was signed out rather than finished.
 */
export function trackedBySeq<T extends { seq: number }>(
  stream: AsyncIterable<T | LiveHandoff<T>>,
  kind: SubscriptionKind,
  lease: StreamLease | undefined,
): AsyncIterable<TrackedEnvelope<T>> {
  return {
    [Symbol.asyncIterator]() {
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
              if (!step.done) {
                const { value } = step;
                // The transport's encoder writes a handoff as its item (and may join it).
                if (value instanceof LiveHandoff) {
                  return { value: tracked(String(value.item.seq), value as unknown as T) };
                }
                return { value: tracked(String(value.seq), value) };
              }
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
 * or its principal revoked) and wraps it for tRPC. Where the transport can carry a handoff
 * (`liveGroups`), the stream joins its group's shared tail once it is live.
 */
export async function liveStream<T extends { seq: number }>(
  ctx: { stream?: StreamLease; liveGroups?: LiveGroups },
  kind: SubscriptionKind,
  open: (options: {
    signal?: AbortSignal;
    groups?: LiveGroups;
  }) => Promise<AsyncIterable<T | LiveHandoff<T>>>,
): Promise<AsyncIterable<TrackedEnvelope<T>>> {
  return trackedBySeq(
    await open({
      ...(ctx.stream ? { signal: ctx.stream.signal } : {}),
      ...(ctx.liveGroups ? { groups: ctx.liveGroups } : {}),
    }),
    kind,
    ctx.stream,
  );
}
