import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { commitEvents, createHarness, type Harness } from '../test/fixtures.ts';
import { EventBus } from './event-bus.ts';
import { readEvents } from './read-events.ts';
import { streamEvents, type ResyncMarker, type StreamEventsOptions } from './stream-events.ts';
import type { StoredEvent } from './types.ts';
import { createEventLog } from './wiring.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const commit = (n: number, bus?: EventBus) => commitEvents(h, n, bus);

const head = () => h.ctx().log.head(h.demo.storeId);

/** Consumes a stream in the background, collecting what it yields. */
function collect(options: Partial<StreamEventsOptions> & { afterSeq: number | null }) {
  const abort = new AbortController();
  const items: (StoredEvent | ResyncMarker)[] = [];
  const stream = streamEvents({
    bus: h.bus,
    log: h.ctx().log,
    storeId: h.demo.storeId,
    maxReplay: 10_000,
    signal: abort.signal,
    ...options,
  });
  const done = (async () => {
    for await (const item of stream) items.push(item);
  })();
  const seqs = () => items.map((i) => (i.type === 'stream.resync' ? -i.seq : i.seq));
  const stop = async () => {
    abort.abort();
    await done;
  };
  onTestFinished(stop);
  return { items, seqs, stop };
}

describe('streamEvents', () => {
  test('replays after the cursor, then goes live, without duplicates', async () => {
    const start = await head();
    const missed = await commit(5);
    const sub = collect({ afterSeq: start });
    const live = await commit(5);
    await vi.waitFor(() => expect(sub.seqs()).toEqual([...missed, ...live]));
    await sub.stop();
    expect(h.bus.listenerCount(h.demo.storeId)).toBe(0);
  });

  test('starting from now yields only later events, then every one of them', async () => {
    const earlier = await commit(2);
    const sub = collect({ afterSeq: null });
    // "Now" is when the stream has positioned itself: commit until the first event arrives.
    await vi.waitFor(async () => {
      if (sub.items.length === 0) await commit(1);
      expect(sub.items.length).toBeGreaterThan(0);
    });
    const live = await commit(3);
    await vi.waitFor(() => expect(sub.seqs().slice(-3)).toEqual(live));
    const seqs = sub.seqs();
    expect(seqs[0]).toBeGreaterThan(earlier[1] ?? 0);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    await sub.stop();
  });

  test('a slow consumer past its queue bound falls back to the log and loses nothing', async () => {
    const start = await head();
    const stream = streamEvents({
      bus: h.bus,
      log: h.ctx().log,
      storeId: h.demo.storeId,
      afterSeq: start,
      maxReplay: 10_000,
      maxQueue: 5,
    });
    const first = await commit(1);
    const firstItem = await stream.next();
    expect((firstItem.value as StoredEvent).seq).toBe(first[0]);
    // The consumer is not pulling while 40 events arrive: the live queue overflows.
    const burst = await commit(40);
    const rest: number[] = [];
    for await (const item of stream) {
      rest.push((item as StoredEvent).seq);
      if (rest.length === burst.length) break;
    }
    expect(rest).toEqual(burst);
    expect(h.bus.listenerCount(h.demo.storeId)).toBe(0);
  });

  test('a cursor too far behind gets a resync marker at the head, then live events', async () => {
    const start = await head();
    await commit(12);
    const top = await head();
    const sub = collect({ afterSeq: start, maxReplay: 10 });
    await vi.waitFor(() => expect(sub.seqs()).toEqual([-top]));
    const live = await commit(2);
    await vi.waitFor(() => expect(sub.seqs()).toEqual([-top, ...live]));
    await sub.stop();
  });

  test('an order-scoped stream yields only that order', async () => {
    const sub = collect({ afterSeq: 0, orderId: '00000000-0000-4000-8000-000000000000' });
    await commit(3);
    await sub.stop();
    expect(sub.items).toEqual([]);
  });
});

describe('EventBus', () => {
  test('delivers out-of-order local publishes in sequence order, once', async () => {
    const log = createEventLog(h.db);
    const bus = new EventBus(log);
    const got: number[] = [];
    const { unsubscribe } = await bus.subscribe(h.demo.storeId, (events) =>
      got.push(...events.map((e) => e.seq)),
    );
    // Commit through another bus, then publish here in the wrong order.
    const seqs = await commit(3, new EventBus(log));
    const events = await readEvents(h.db, {
      storeId: h.demo.storeId,
      afterSeq: (seqs[0] ?? 1) - 1,
      limit: 10,
    });
    bus.published(h.demo.storeId, events.slice(2));
    bus.published(h.demo.storeId, events.slice(0, 2));
    bus.published(h.demo.storeId, events);
    await vi.waitFor(() => expect(got).toEqual(seqs));
    unsubscribe();
    expect(bus.listenerCount()).toBe(0);
  });

  test("a listener's position is exactly where its deliveries begin", async () => {
    const bus = new EventBus(createEventLog(h.db));
    const first: number[] = [];
    const second: number[] = [];
    const head = await createEventLog(h.db).head(h.demo.storeId);
    const a = await bus.subscribe(h.demo.storeId, (events) =>
      first.push(...events.map((e) => e.seq)),
    );
    expect(a.position).toBe(head);
    const early = await commit(2, bus);
    await vi.waitFor(() => expect(first).toEqual(early));
    const b = await bus.subscribe(h.demo.storeId, (events) =>
      second.push(...events.map((e) => e.seq)),
    );
    expect(b.position).toBe(early[1]);
    const late = await commit(1, bus);
    await vi.waitFor(() => expect(second).toEqual(late));
    expect(first).toEqual([...early, ...late]);
    a.unsubscribe();
    b.unsubscribe();
  });

  test('a wake-up from another instance reads the log; wakeAll catches up everything', async () => {
    const other = new EventBus(createEventLog(h.db));
    const got: number[] = [];
    const { unsubscribe } = await other.subscribe(h.demo.storeId, (events) =>
      got.push(...events.map((e) => e.seq)),
    );
    const seqs = await commit(3);
    expect(got).toEqual([]);
    other.wake(h.demo.storeId, seqs[2] ?? 0);
    await vi.waitFor(() => expect(got).toEqual(seqs));
    const more = await commit(2);
    other.wakeAll();
    await vi.waitFor(() => expect(got).toEqual([...seqs, ...more]));
    unsubscribe();
  });
});
