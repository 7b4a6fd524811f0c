import type { LiveShare } from '../events/live-groups.ts';
import { streamEvents, type ResyncMarker, type StopSignal } from '../events/stream-events.ts';
import type { StoredEvent } from '../events/types.ts';
import type { DomainContext } from './context.ts';

/** What a live procedure hands its stream: the transport's stop signal and shared tail. */
export interface StreamTransport<T> {
  signal?: StopSignal;
  live?: LiveShare<T>;
}

/**
 * One subscriber's stream of a store's log (`streamEvents`) on this server's bus and log: from
 * the client's last event id (or from `start`), through `select`, joining the shared tail `key`
 * once live when the transport offers one. Subscribers with one key must see the same thing.
 */
export function openStream<T extends { seq: number } = StoredEvent>(
  ctx: DomainContext,
  view: {
    storeId: string;
    orderId?: string;
    lastEventId?: string | null;
    /** Where a subscriber without a cursor starts: the current head (null) or a seq. */
    start?: number | null;
    select?: (event: StoredEvent) => T | null;
    key: string;
  },
  { signal, live }: StreamTransport<T>,
): AsyncGenerator<T | ResyncMarker> {
  return streamEvents<T>({
    bus: ctx.bus,
    log: ctx.log,
    storeId: view.storeId,
    orderId: view.orderId,
    afterSeq: view.lastEventId ? Number(view.lastEventId) : (view.start ?? null),
    maxReplay: ctx.config.maxReplayEvents,
    select: view.select,
    signal,
    share: live && { ...live, key: view.key },
  });
}
