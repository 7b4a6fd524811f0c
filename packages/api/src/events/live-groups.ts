import type { EventBus } from './event-bus.ts';
import type { StoredEvent } from './types.ts';

/**
 * A subscriber past its replay, written to by its group: every item once, in commit order. A
 * member that cannot write must end its subscription (close its connection) so that its client
 * resumes: the group never drops a member by itself.
 */
export interface LiveMember<T> {
  deliver(item: T): void;
}

/**
 * Where a subscription's transport leaves the writer for it once it knows where the
 * subscription's frames go (its socket and id). A stream whose carrier has a member joins its
 * group as soon as it is live; one whose carrier never gets one goes on by itself.
 */
export interface LiveCarrier<T> {
  member: LiveMember<T> | null;
}

/** What a stream needs to share its live tail: the groups, and its transport's carrier. */
export interface LiveShare<T> {
  groups: LiveGroups;
  carrier: LiveCarrier<T>;
}

interface Entry<T> {
  member: LiveMember<T>;
  /** The member's cursor when it joined: it already has everything up to here. */
  after: number;
}

/**
 * One shared tail: the bus's events through `select`, each item to every member. A batch (a
 * catch-up after a wake-up) is written an event at a time, in turns of at most `writesPerTurn`
 * socket writes, so that ten events for 10,000 screens are not one second-long task that holds
 * up every other store and request.
 */
class Group<T> {
  readonly entries = new Set<Entry<T>>();
  /** Takes the group off the bus; set once it is attached. */
  detach: () => void = () => {};
  readonly #select: (event: StoredEvent) => T | null;
  readonly #writesPerTurn: number;
  readonly #backlog: { seq: number; item: T }[] = [];
  #scheduled = false;

  constructor(select: (event: StoredEvent) => T | null, writesPerTurn: number) {
    this.#select = select;
    this.#writesPerTurn = writesPerTurn;
  }

  readonly receive = (events: StoredEvent[]): void => {
    for (const event of events) {
      const item = this.#select(event);
      if (item !== null) this.#backlog.push({ seq: event.seq, item });
    }
    if (!this.#scheduled) this.#drain();
  };

  readonly #drain = (): void => {
    this.#scheduled = false;
    let writes = 0;
    while (writes < this.#writesPerTurn) {
      const next = this.#backlog.shift();
      if (!next) return;
      for (const entry of this.entries) {
        if (next.seq <= entry.after) continue;
        try {
          entry.member.deliver(next.item);
        } catch {
          // A member that cannot write ends its own connection (the screen resumes from its
          // last id); the others must still get this event.
        }
      }
      writes += this.entries.size;
    }
    if (this.#backlog.length === 0) return;
    this.#scheduled = true;
    setImmediate(this.#drain);
  };
}

/**
 * Shared live tails. Subscribers whose view of a store is the same (the screens of one station,
 * the board, one order's trackers) are one group: per committed event the view runs once and
 * produces one item, which every member writes. A subscriber replays and catches up on its own
 * stream, then joins with what its own stream had queued (`pending`, written first), so it sees
 * every item once, in order, with no gap at the seam.
 */
export class LiveGroups {
  readonly #bus: EventBus;
  readonly #groups = new Map<string, Group<never>>();

  readonly #writesPerTurn: number;

  /** `writesPerTurn`: socket writes one turn of the event loop may make for one group. */
  constructor(bus: EventBus, options: { writesPerTurn?: number } = {}) {
    this.#bus = bus;
    this.#writesPerTurn = options.writesPerTurn ?? 2_000;
  }

  /**
   * Adds `member` to the group `key` of `storeId`, creating it with `select` if it is new (every
   * subscriber asking for `key` must mean the same `select`), after writing `pending` to it.
   * `after` is the member's cursor: this instance's feed may not have caught up with what the
   * member already has (a screen resuming here with an id another instance sent it), and the
   * group skips those events for it.
   * Synchronous, so nothing can be committed between the caller's last item and the join.
   * Returns how to leave, or null when the store has no live feed on this instance (the caller
   * keeps its own stream then).
   */
  join<T>(
    storeId: string,
    key: string,
    select: (event: StoredEvent) => T | null,
    member: LiveMember<T>,
    pending: T[],
    after: number,
  ): (() => void) | null {
    const id = `${storeId}\u0000${key}`;
    let group = this.#groups.get(id) as Group<T> | undefined;
    if (!group) {
      const created = new Group(select, this.#writesPerTurn);
      const detach = this.#bus.attach(storeId, created.receive);
      if (!detach) return null;
      created.detach = detach;
      group = created;
      this.#groups.set(id, group as Group<never>);
    }
    const joined = group;
    // What the member's own stream had queued; anything the group still holds for later turns
    // is at or below `after`, so it is not written twice.
    for (const item of pending) member.deliver(item);
    const entry: Entry<T> = { member, after };
    joined.entries.add(entry);
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
