import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { commitEvents, createHarness, type Harness } from '../test/fixtures.ts';
import { EventBus } from './event-bus.ts';
import { LiveGroups, type LiveCarrier } from './live-groups.ts';
import { streamEvents } from './stream-events.ts';
import type { StoredEvent } from './types.ts';

let h: Harness;
let groups: LiveGroups;
beforeAll(async () => {
  h = await createHarness();
  groups = new LiveGroups(h.bus);
});
afterAll(() => h.close());

const commit = (n: number, bus?: EventBus) => commitEvents(h, n, bus);

const head = () => h.ctx().log.head(h.demo.storeId);
const parity = (event: StoredEvent) =>
  event.type === 'ticket.prioritized' ? event.payload.priority % 2 : -1;

/**
 * A subscriber as the WebSocket carries it: the stream's own items are written as they come,
 * and once its carrier has a member (the transport knows the subscription's socket and id) the
 * group writes to the same list. `afterItem` runs before the stream is asked for more, as a
 * slow transport would.
 */
function subscribe(options: {
  afterSeq: number | null;
  key: string;
  select?: (event: StoredEvent) => StoredEvent | null;
  carried?: boolean;
  afterItem?: (carrier: LiveCarrier<StoredEvent>, write: (seq: number) => void) => Promise<void>;
  groups?: LiveGroups;
}) {
  const abort = new AbortController();
  const seqs: number[] = [];
  const write = (seq: number) => seqs.push(seq);
  const carrier: LiveCarrier<StoredEvent> = {
    member: options.carried === false ? null : { deliver: (event) => write(event.seq) },
  };
  const stream = streamEvents({
    bus: h.bus,
    log: h.ctx().log,
    storeId: h.demo.storeId,
    afterSeq: options.afterSeq,
    maxReplay: 10_000,
    signal: abort.signal,
    share: { groups: options.groups ?? groups, carrier, key: options.key },
    ...(options.select ? { select: options.select } : {}),
  });
  const done = (async () => {
    for await (const item of stream) {
      if (item.type !== 'stream.resync') write(item.seq);
      await options.afterItem?.(carrier, write);
    }
  })();
  const stop = async () => {
    abort.abort();
    await done;
  };
  onTestFinished(stop);
  return { seqs, stop };
}

describe('shared live tails', () => {
  test('a subscriber replays on its own, then joins the group and misses nothing', async () => {
    const start = await head();
    const missed = await commit(3);
    const sub = subscribe({ afterSeq: start, key: 'all' });
    await vi.waitFor(() => expect(sub.seqs).toEqual(missed));
    await vi.waitFor(() => expect(groups.memberCount()).toBe(1));
    const live = await commit(4);
    await vi.waitFor(() => expect(sub.seqs).toEqual([...missed, ...live]));
    await sub.stop();
    expect(groups.groupCount()).toBe(0);
    expect(h.bus.listenerCount(h.demo.storeId)).toBe(0);
  });

  test('events queued when the transport takes the stream up are written first, in order', async () => {
    const start = await head();
    let committedMeanwhile: number[] = [];
    const sub = subscribe({
      afterSeq: start,
      key: 'all',
      carried: false,
      // The first item is written; then, before the stream is asked for more, three more
      // commits queue up and the transport takes the subscription up.
      afterItem: async (carrier, write) => {
        if (carrier.member) return;
        committedMeanwhile = await commit(3);
        carrier.member = { deliver: (event) => write(event.seq) };
      },
    });
    const first = await commit(1);
    await vi.waitFor(() => expect(groups.memberCount()).toBe(1));
    const after = await commit(2);
    await vi.waitFor(() => expect(sub.seqs).toEqual([...first, ...committedMeanwhile, ...after]));
    expect(committedMeanwhile).toHaveLength(3);
  });

  test('subscribers with the same key share one group; a different view is another', async () => {
    const start = await head();
    const evens = (event: StoredEvent) => (parity(event) === 0 ? event : null);
    const odds = (event: StoredEvent) => (parity(event) === 1 ? event : null);
    const a1 = subscribe({ afterSeq: start, key: 'even', select: evens });
    const a2 = subscribe({ afterSeq: null, key: 'even', select: evens });
    const b = subscribe({ afterSeq: start, key: 'odd', select: odds });
    await vi.waitFor(() => expect(groups.memberCount()).toBe(3));
    expect(groups.groupCount()).toBe(2);
    await commit(6);
    const all = await h.ctx().log.read({ storeId: h.demo.storeId, afterSeq: start, limit: 1000 });
    const expected = (p: number) => all.filter((e) => parity(e) === p).map((e) => e.seq);
    await vi.waitFor(() => {
      expect(a1.seqs).toEqual(expected(0));
      expect(b.seqs).toEqual(expected(1));
    });
    // The live-only subscriber joined at "now": it has the same sequence from there on.
    await vi.waitFor(() => expect(a2.seqs).toEqual(expected(0)));
    await a1.stop();
    expect(groups.groupCount()).toBe(2);
    await a2.stop();
    await b.stop();
    expect(groups.groupCount()).toBe(0);
  });

  test('a subscriber resuming ahead of this instance is not sent what it already has', async () => {
    const watcher = subscribe({ afterSeq: null, key: 'all' });
    await vi.waitFor(() => expect(groups.memberCount()).toBe(1));
    // Another instance commits and its screen saw these; here nobody has heard of them yet.
    const elsewhere = await commit(3, new EventBus(h.ctx().log));
    const resumed = subscribe({ afterSeq: elsewhere.at(-1) ?? 0, key: 'all' });
    await vi.waitFor(() => expect(groups.memberCount()).toBe(2));
    // The wake-up arrives: this instance's feed catches up, then goes on.
    h.bus.wake(h.demo.storeId, elsewhere.at(-1) ?? 0);
    const later = await commit(2);
    await vi.waitFor(() => expect(watcher.seqs).toEqual([...elsewhere, ...later]));
    await vi.waitFor(() => expect(resumed.seqs).toEqual(later));
  });

  test('a batch is written over several turns; a subscriber joining meanwhile gets each event once', async () => {
    const slow = new LiveGroups(h.bus, { writesPerTurn: 1 });
    const start = await head();
    const first = subscribe({ afterSeq: start, key: 'all', groups: slow });
    await vi.waitFor(() => expect(slow.memberCount()).toBe(1));
    // Twenty events this instance hears of in one wake-up: one batch, written one per turn.
    const batch = await commit(20, new EventBus(h.ctx().log));
    h.bus.wake(h.demo.storeId, batch.at(-1) ?? 0);
    const second = subscribe({ afterSeq: start, key: 'all', groups: slow });
    await vi.waitFor(() => expect(slow.memberCount()).toBe(2));
    const later = await commit(2);
    await vi.waitFor(() => expect(first.seqs).toEqual([...batch, ...later]));
    await vi.waitFor(() => expect(second.seqs).toEqual([...batch, ...later]));
  });

  test('a member that cannot write does not cost the others an event', async () => {
    const start = await head();
    const abort = new AbortController();
    onTestFinished(() => abort.abort());
    const failing = streamEvents({
      bus: h.bus,
      log: h.ctx().log,
      storeId: h.demo.storeId,
      afterSeq: start,
      maxReplay: 10_000,
      signal: abort.signal,
      share: {
        groups,
        key: 'all',
        carrier: {
          member: {
            deliver: () => {
              throw new Error('socket gone');
            },
          },
        },
      },
    });
    const ended = failing.next();
    await vi.waitFor(() => expect(groups.memberCount()).toBe(1));
    const healthy = subscribe({ afterSeq: start, key: 'all' });
    await vi.waitFor(() => expect(groups.memberCount()).toBe(2));
    const seqs = await commit(3);
    await vi.waitFor(() => expect(healthy.seqs).toEqual(seqs));
    abort.abort();
    await ended;
  });

  test('a stream its transport never takes up goes on by itself', async () => {
    const start = await head();
    const sub = subscribe({ afterSeq: start, key: 'alone', carried: false });
    const seqs = await commit(3);
    await vi.waitFor(() => expect(sub.seqs).toEqual(seqs));
    expect(groups.groupCount()).toBe(0);
  });
});
