import type { EventBus } from './event-bus.ts';
import type { StoredEvent } from './types.ts';

/** A subscriber past its replay, written to by its group: every item once, in commit order. */
export interface LiveMember<T> {
  deliver(item: T): void;
}

/**
 * A live item offered by a stream to whoever carries it: `join` hands the subscriber over to
 * its group's shared tail, and from then on the stream itself yields nothing more. Whoever
 * does not know about handoffs sees the item (`toJSON`) and the stream goes on as before.
 */
export class LiveHandoff<T extends { seq: number }> {
  readonly item: T;
  readonly #join: (member: LiveMember<T>) => boolean;

  constructor(item: T, join: (member: LiveMember<T>) => boolean) {
    this.item = item;
    this.#join = join;
  }

  /** Must be called after `item` is written and before anything else is: it is next in line. */
  join(member: LiveMember<T>): boolean {
    return this.#join(member);
  }

  toJSON(): T {
    return this.item;
  }
}

interface Entry<T> {
  member: LiveMember<T>;
  /** Items committed between the handoff and the join, written before anything newer. */
  pending: T[] | null;
}

interface Group<T> {
  entries: Set<Entry<T>>;
  detach: () => void;
}

/**
 * Shared live tails. Subscribers whose view of a store is the same (the screens of one station,
 * the board, one order's trackers) are one group: per committed event the view runs once and
 * produces one item, which every member writes. A subscriber replays and catches up on its own
 * stream, then joins; what was committed in between is handed over with it (`pending`), so the
 * member sees every item once, in order, with no gap at the seam.
 */
export class LiveGroups {
  readonly #bus: EventBus;
  readonly #groups = new Map<string, Group<never>>();

  constructor(bus: EventBus) {
    this.#bus = bus;
  }

  /**
   * Adds `member` to the group `key` of `storeId`, creating it with `select` if it is new (every
   * subscriber asking for `key` must mean the same `select`). Synchronous, so nothing can be
   * committed between the caller's last item and the join. Returns how to leave, or null when
   * the store has no live feed on this instance (the caller keeps its own stream then).
   */
  join<T>(
    storeId: string,
    key: string,
    select: (event: StoredEvent) => T | null,
    member: LiveMember<T>,
    pending: T[],
  ): (() => void) | null {
    const id = `${storeId}\u0000${key}`;
    let group = this.#groups.get(id) as Group<T> | undefined;
    if (!group) {
      const entries = new Set<Entry<T>>();
      const detach = this.#bus.attach(storeId, (events) => {
        for (const event of events) {
          const item = select(event);
          if (item === null) continue;
          for (const entry of entries) {
            if (entry.pending) flush(entry);
            entry.member.deliver(item);
          }
        }
      });
      if (!detach) return null;
      group = { entries, detach };
      this.#groups.set(id, group as Group<never>);
    }
    const joined = group;
    const entry: Entry<T> = { member, pending: pending.length > 0 ? pending : null };
    joined.entries.add(entry);
    // The caller writes its last own item after this returns: pending items go right after.
    if (entry.pending) queueMicrotask(() => flush(entry));
    let left = false;
    return () => {
      if (left) return;
      left = true;
      joined.entries.delete(entry);
      if (joined.entries.size > 0 || this.#groups.get(id) !== joined) return;
      this.#groups.delete(id);
      joined.detach();
    };
  }

  /** Members in live groups, for /metrics and tests. */
  memberCount(): number {
    let n = 0;
    for (const group of this.#groups.values()) n += group.entries.size;
    return n;
  }

  groupCount(): number {
    return this.#groups.size;
  }
}

function flush<T>(entry: Entry<T>): void {
  const pending = entry.pending;
  entry.pending = null;
  for (const item of pending ?? []) entry.member.deliver(item);
}
