import type { EventBus, EventLog } from './event-bus.ts';
import type { LiveMember, LiveShare } from './live-groups.ts';
import type { StoredEvent } from './types.ts';

/** Tells a subscriber that its cursor is too old to replay: reload the snapshot. */
export interface ResyncMarker {
  type: 'stream.resync';
  seq: number;
}

export function isResync(item: object): item is ResyncMarker {
  return 'type' in item && item.type === 'stream.resync';
}

/**
 * What a stream needs of the signal that stops it. `AbortSignal` is one; a subscription's lease
 * gives a lighter one (`StreamGuard`), since an AbortSignal costs every open screen most of a
 * kilobyte.
 */
export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface StreamEventsOptions<T extends { seq: number } = StoredEvent> {
  bus: EventBus;
  log: EventLog;
  storeId: string;
  /** Resume after this seq; `null` starts at the current head (live only). */
  afterSeq: number | null;
  /** Only this order's events (replayed through the order index). */
  orderId?: string;
  /** What a subscriber sees of an event; null skips it. The event itself when absent. */
  select?: (event: StoredEvent) => T | null;
  /**
   * Once live, and once the transport has put a member in the carrier, join the shared tail
   * `key` (subscribers with the same `key` must have the same `select` and `orderId`).
   */
  share?: LiveShare<T> & { key: string };
  signal?: StopSignal;
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
 * in the replay or in the live queue, and the cursor drops the copy. With `share`, a stream that
 * is live hands its subscriber over to its group, which writes the rest (`LiveGroups`).
 */
export async function* streamEvents<T extends { seq: number } = StoredEvent>(
  options: StreamEventsOptions<T>,
): AsyncGenerator<T | ResyncMarker> {
  const { bus, log, storeId, orderId, signal, maxReplay, share } = options;
  const select = options.select ?? ((event: StoredEvent) => event as unknown as T);
  const maxQueue = options.maxQueue ?? 1000;
  const pageSize = options.pageSize ?? 500;

  const queue: StoredEvent[] = [];
  // Set once the subscriber has joined its group: from then on the group writes to it.
  let leave: (() => void) | null = null;
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
    if (overflowed || leave) return;
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
  async function* replay(): AsyncGenerator<T | ResyncMarker> {
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
        const item = select(event);
        if (item !== null) yield item;
      }
      if (page.length < pageSize || signal?.aborted) return;
    }
  }

  // Joining happens only while this generator runs, so everything it yielded has been written:
  // the events queued since then go over with the subscriber, and this stream stops listening.
  const join = (member: LiveMember<T>): boolean => {
    if (!share || overflowed) return false;
    const pending: T[] = [];
    for (const event of queue) {
      const item = event.seq > cursor ? select(event) : null;
      if (item !== null) pending.push(item);
    }
    const groupSelect = orderId
      ? (event: StoredEvent) => (event.orderId === orderId ? select(event) : null)
      : select;
    const after = Math.max(cursor, queue.at(-1)?.seq ?? cursor);
    leave = share.groups.join(storeId, share.key, groupSelect, member, pending, after);
    if (!leave) return false;
    queue.length = 0;
    // No listener of its own on the signal: the abort wakes this generator, whose `finally`
    // leaves the group before the group's next write (a separate turn of the event loop).
    unsubscribe();
    return true;
  };

  try {
    if (options.afterSeq !== null) yield* replay();
    while (!signal?.aborted) {
      if (overflowed) {
        overflowed = false;
        yield* replay();
        continue;
      }
      const member = leave ? null : share?.carrier.member;
      if (member && join(member)) continue;
      const event = leave ? undefined : queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wakeUp = resolve));
        continue;
      }
      if (event.seq <= cursor) continue;
      cursor = event.seq;
      const item = select(event);
      if (item !== null) yield item;
    }
  } finally {
    signal?.removeEventListener('abort', wake);
    (leave as (() => void) | null)?.();
    unsubscribe();
  }
}
