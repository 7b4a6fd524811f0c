import type { StoredEvent } from './types.ts';
import type { ReadEventsQuery } from './read-events.ts';

/** The side of the bus the domain sees: "these events were just committed". */
export interface EventPublisher {
  published(storeId: string, events: StoredEvent[]): void;
}

/** Where the bus reads committed events from. */
export interface EventLog {
  read(query: ReadEventsQuery): Promise<StoredEvent[]>;
  head(storeId: string): Promise<number>;
}

export type BusListener = (events: StoredEvent[]) => void;

interface StoreFeed {
  listeners: Set<BusListener>;
  /** Last seq handed to listeners; every later event is delivered exactly once, in order. */
  lastSeq: number;
  /** The head read when the feed started; listeners that joined before then begin after it. */
  startSeq: number;
  ready: Promise<void>;
  initialized: boolean;
  catchingUp: boolean;
  /** A wake-up arrived while busy: read the log once more. */
  again: boolean;
}

export interface EventBusOptions {
  pageSize?: number;
  /** Delay before retrying a failed log read. */
  retryMs?: number;
  onError?: (error: unknown) => void;
  /** Tells other instances that `seq` of a store was committed here (the notifier). */
  announce?: (storeId: string, seq: number) => void;
}

/**
 * Per-instance fan-out of committed events. Local commits are delivered at once when they are
 * the next in sequence; anything else (a NOTIFY from another instance, a LISTEN reconnect, an
 * out-of-order local commit) only wakes the feed, which then reads the log after its last seq.
 * A lost wake-up therefore costs latency, never data.
 */
export class EventBus implements EventPublisher {
  readonly #feeds = new Map<string, StoreFeed>();
  readonly #log: EventLog;
  readonly #pageSize: number;
  readonly #retryMs: number;
  readonly #onError: (error: unknown) => void;
  readonly #announce: (storeId: string, seq: number) => void;
  #closed = false;

  constructor(log: EventLog, options: EventBusOptions = {}) {
    this.#log = log;
    this.#pageSize = options.pageSize ?? 500;
    this.#retryMs = options.retryMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
    this.#announce = options.announce ?? (() => {});
  }

  /**
   * Attaches a listener to a store's feed. Resolves once the feed knows its position: every
   * event after `position` reaches the listener; earlier ones are the caller's to replay from
   * the log. A live-only subscriber starts at `position` without asking the database (10,000
   * screens connecting would otherwise be 10,000 queries).
   */
  async subscribe(
    storeId: string,
    listener: BusListener,
  ): Promise<{ unsubscribe: () => void; position: number }> {
    let feed = this.#feeds.get(storeId);
    if (!feed) {
      const created: StoreFeed = {
        listeners: new Set(),
        lastSeq: 0,
        startSeq: 0,
        ready: Promise.resolve(),
        initialized: false,
        catchingUp: false,
        again: false,
      };
      created.ready = this.#initialize(storeId, created);
      this.#feeds.set(storeId, created);
      feed = created;
    }
    const subscribed = feed;
    // Joining a running feed: the listener gets every delivery from now on, so it starts at the
    // feed's current position. Joining one that is starting: it starts where the feed does.
    const joinedAt = subscribed.initialized ? subscribed.lastSeq : null;
    const unsubscribe = this.#add(storeId, subscribed, listener);
    try {
      await subscribed.ready;
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return { unsubscribe, position: joinedAt ?? subscribed.startSeq };
  }

  /**
   * Adds a listener to a store's running feed, synchronously: it gets every delivery after this
   * call. Null when this instance has no running feed for the store. For a listener taking over
   * from another one of the same store (`LiveGroups`), with no event between the two.
   */
  attach(storeId: string, listener: BusListener): (() => void) | null {
    const feed = this.#feeds.get(storeId);
    return feed?.initialized ? this.#add(storeId, feed, listener) : null;
  }

  #add(storeId: string, feed: StoreFeed, listener: BusListener): () => void {
    feed.listeners.add(listener);
    return () => {
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0 && this.#feeds.get(storeId) === feed) {
        this.#feeds.delete(storeId);
      }
    };
  }

  published(storeId: string, events: StoredEvent[]): void {
    const last = events.at(-1);
    if (last) this.#announce(storeId, last.seq);
    const feed = this.#feeds.get(storeId);
    if (!feed) return;
    if (!feed.initialized || feed.catchingUp) {
      feed.again = true;
      return;
    }
    const fresh = events.filter((e) => e.seq > feed.lastSeq);
    const first = fresh[0];
    if (!first) return;
    if (first.seq === feed.lastSeq + 1 && isContiguous(fresh)) this.#deliver(feed, fresh);
    else void this.#catchUp(storeId, feed);
  }

  /** A NOTIFY said that `storeId` has committed up to `seq`. */
  wake(storeId: string, seq: number): void {
    const feed = this.#feeds.get(storeId);
    if (!feed) return;
    if (!feed.initialized) {
      feed.again = true;
      return;
    }
    if (seq > feed.lastSeq) void this.#catchUp(storeId, feed);
  }

  /** The LISTEN connection was (re)established: anything may have been missed. */
  wakeAll(): void {
    for (const [storeId, feed] of this.#feeds) {
      if (feed.initialized) void this.#catchUp(storeId, feed);
      else feed.again = true;
    }
  }

  listenerCount(storeId?: string): number {
    if (storeId) return this.#feeds.get(storeId)?.listeners.size ?? 0;
    let n = 0;
    for (const feed of this.#feeds.values()) n += feed.listeners.size;
    return n;
  }

  close(): void {
    this.#closed = true;
    this.#feeds.clear();
  }

  async #initialize(storeId: string, feed: StoreFeed): Promise<void> {
    try {
      feed.lastSeq = await this.#log.head(storeId);
      feed.startSeq = feed.lastSeq;
    } catch (error) {
      if (this.#feeds.get(storeId) === feed) this.#feeds.delete(storeId);
      throw error;
    }
    feed.initialized = true;
    if (feed.again) void this.#catchUp(storeId, feed);
  }

  async #catchUp(storeId: string, feed: StoreFeed): Promise<void> {
    if (feed.catchingUp) {
      feed.again = true;
      return;
    }
    feed.catchingUp = true;
    try {
      do {
        feed.again = false;
        for (;;) {
          const page = await this.#log.read({
            storeId,
            afterSeq: feed.lastSeq,
            limit: this.#pageSize,
          });
          if (this.#feeds.get(storeId) !== feed) return;
          const fresh = page.filter((e) => e.seq > feed.lastSeq);
          if (fresh.length > 0) this.#deliver(feed, fresh);
          if (page.length < this.#pageSize) break;
        }
      } while (feed.again);
    } catch (error) {
      this.#onError(error);
      if (!this.#closed) {
        setTimeout(() => {
          if (this.#feeds.get(storeId) === feed) void this.#catchUp(storeId, feed);
        }, this.#retryMs).unref();
      }
    } finally {
      feed.catchingUp = false;
    }
  }

  #deliver(feed: StoreFeed, events: StoredEvent[]): void {
    const last = events[events.length - 1];
    if (!last) return;
    feed.lastSeq = last.seq;
    for (const listener of [...feed.listeners]) {
      try {
        listener(events);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}

function isContiguous(events: StoredEvent[]): boolean {
  return events.every((e, i) => i === 0 || e.seq === (events[i - 1]?.seq ?? 0) + 1);
}
