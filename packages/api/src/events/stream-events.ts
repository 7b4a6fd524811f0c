import type { EventBus, EventLog } from './event-bus.ts';
import type { StoredEvent } from './types.ts';

/** Tells a subscriber that its cursor is too old to replay: reload the snapshot. */
export interface ResyncMarker {
  type: 'stream.resync';
  seq: number;
}

export interface StreamEventsOptions {
  bus: EventBus;
  log: EventLog;
  storeId: string;
  /** Resume after this seq; `null` starts at the current head (live only). */
  afterSeq: number | null;
  /** Only this order's events (replayed through the order index). */
  orderId?: string;
  filter?: (event: StoredEvent) => boolean;
  signal?: AbortSignal;
  /** More than this many events behind: send a resync marker instead of replaying. */
  maxReplay: number;
  /** Live events buffered for a slow consumer before it falls back to reading the log. */
  maxQueue?: number;
  pageSize?: number;
}

/**
 * The one stream every subscription is built on. It attaches to the bus first, then replays
 * the log after the cursor, then passes live events, dropping any `seq <= cursor`. Subscribing
 * before the replay is what makes it gap-free: an event committed during the replay is either
 * in the replay or in the live queue, and the cursor drops the copy.
 */
export async function* streamEvents(
  options: StreamEventsOptions,
): AsyncGenerator<StoredEvent | ResyncMarker> {
  const { bus, log, storeId, orderId, signal, maxReplay } = options;
  const filter = options.filter ?? (() => true);
  const maxQueue = options.maxQueue ?? 1000;
  const pageSize = options.pageSize ?? 500;

  const queue: StoredEvent[] = [];
  // A consumer that falls more than maxQueue behind drops its buffer and re-reads the log:
  // memory stays bounded and nothing is lost.
  let overflowed = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    const resolve = wakeUp;
    wakeUp = null;
    resolve?.();
  };

  const { unsubscribe, position } = await bus.subscribe(storeId, (events) => {
    if (overflowed) return;
    for (const event of events) if (!orderId || event.orderId === orderId) queue.push(event);
    if (queue.length > maxQueue) {
      queue.length = 0;
      overflowed = true;
    }
    wake();
  });
  signal?.addEventListener('abort', wake, { once: true });

  let cursor = options.afterSeq ?? position;

  // How far behind is too far is judged first against the bus's position, with no query:
  // everything after it arrives live, so skipping to it loses nothing once the client reloads.
  // (A reconnect storm of 5,000 screens would otherwise be 5,000 head queries.) After an
  // overflow the position is old news, and the log is asked.
  let knownHead: number | null = position;
  async function* replay(): AsyncGenerator<StoredEvent | ResyncMarker> {
    if (!orderId) {
      const head = knownHead ?? (await log.head(storeId));
      knownHead = null;
      if (head - cursor > maxReplay) {
        cursor = head;
        yield { type: 'stream.resync', seq: head };
        return;
      }
    }
    for (;;) {
      const page = await log.read({ storeId, afterSeq: cursor, limit: pageSize, orderId });
      for (const event of page) {
        if (event.seq <= cursor) continue;
        cursor = event.seq;
        if (filter(event)) yield event;
      }
      if (page.length < pageSize || signal?.aborted) return;
    }
  }

  try {
    if (options.afterSeq !== null) yield* replay();
    while (!signal?.aborted) {
      if (overflowed) {
        overflowed = false;
        yield* replay();
        continue;
      }
      const event = queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wakeUp = resolve));
        continue;
      }
      if (event.seq <= cursor) continue;
      cursor = event.seq;
      if (filter(event)) yield event;
    }
  } finally {
    signal?.removeEventListener('abort', wake);
    unsubscribe();
  }
}
