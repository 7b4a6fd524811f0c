import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { withTransaction } from '../domain/transaction.ts';
import { createHarness, type Harness } from '../test/fixtures.ts';
import { appendEvents } from './append-events.ts';
import { LiveGroups, LiveHandoff } from './live-groups.ts';
import { streamEvents } from './stream-events.ts';
import type { StoredEvent } from './types.ts';

let h: Harness;
let groups: LiveGroups;
beforeAll(async () => {
  h = await createHarness();
  groups = new LiveGroups(h.bus);
});
afterAll(() => h.close());

/** Commits `n` events, one transaction each; even priorities are "station A", odd "B". */
async function commit(n: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) {
    const [event] = await withTransaction(h.ctx(), (tx) =>
      appendEvents(tx, h.demo.storeId, [
        {
          type: 'ticket.prioritized',
          orderId: null,
          payload: { priority: i, version: 1, number: i },
        },
      ]),
    );
    if (event) seqs.push(event.seq);
  }
  return seqs;
}

const head = () => h.ctx().log.head(h.demo.storeId);
const parity = (event: StoredEvent) =>
  event.type === 'ticket.prioritized' ? event.payload.priority % 2 : -1;

/**
 * A subscriber as the WebSocket carries it: items written in order; a handoff's item is written,
 * then joined, so the group writes the rest to the same list. `joinAt` delays the join, as the
 * adapter does between the stream yielding and the encoder running.
 */
function subscribe(options: {
  afterSeq: number | null;
  key: string;
  select?: (event: StoredEvent) => StoredEvent | null;
  beforeJoin?: () => Promise<void>;
}) {
  const abort = new AbortController();
  const seqs: number[] = [];
  const state = { joined: false };
  const stream = streamEvents({
    bus: h.bus,
    log: h.ctx().log,
    storeId: h.demo.storeId,
    afterSeq: options.afterSeq,
    maxReplay: 10_000,
    signal: abort.signal,
    share: { groups, key: options.key },
    ...(options.select ? { select: options.select } : {}),
  });
  const done = (async () => {
    for await (const item of stream) {
      if (!(item instanceof LiveHandoff)) {
        if (item.type !== 'stream.resync') seqs.push(item.seq);
        continue;
      }
      await options.beforeJoin?.();
      seqs.push(item.item.seq);
      state.joined = item.join({ deliver: (event) => seqs.push(event.seq) });
    }
  })();
  const stop = async () => {
    abort.abort();
    await done;
  };
  onTestFinished(stop);
  return { seqs, state, stop };
}

describe('shared live tails', () => {
  test('a subscriber replays on its own, then joins the group and misses nothing', async () => {
    const start = await head();
    const missed = await commit(3);
    const sub = subscribe({ afterSeq: start, key: 'all' });
    const live = await commit(4);
    await vi.waitFor(() => expect(sub.seqs).toEqual([...missed, ...live]));
    expect(sub.state.joined).toBe(true);
    expect(groups.memberCount()).toBe(1);
    await sub.stop();
    expect(groups.groupCount()).toBe(0);
    expect(h.bus.listenerCount(h.demo.storeId)).toBe(0);
  });

  test('events committed between the handoff and the join come right after it, in order', async () => {
    const start = await head();
    let slow = false;
    let committedMeanwhile: number[] = [];
    const sub = subscribe({
      afterSeq: start,
      key: 'all',
      // The transport is slow to take the handoff up: three more commits land in between.
      beforeJoin: async () => {
        if (slow && committedMeanwhile.length === 0) committedMeanwhile = await commit(3);
      },
    });
    // The first event may come through the replay (the stream was still starting).
    const first = await commit(1);
    await vi.waitFor(() => expect(sub.seqs).toEqual(first));
    slow = true;
    const handedOff = await commit(1);
    await vi.waitFor(() => expect(sub.state.joined).toBe(true));
    const after = await commit(2);
    await vi.waitFor(() =>
      expect(sub.seqs).toEqual([...first, ...handedOff, ...committedMeanwhile, ...after]),
    );
    expect(committedMeanwhile).toHaveLength(3);
  });

  test('subscribers with the same key share one group; a different view is another', async () => {
    const start = await head();
    const evens = (event: StoredEvent) => (parity(event) === 0 ? event : null);
    const odds = (event: StoredEvent) => (parity(event) === 1 ? event : null);
    const a1 = subscribe({ afterSeq: start, key: 'even', select: evens });
    const a2 = subscribe({ afterSeq: null, key: 'even', select: evens });
    const b = subscribe({ afterSeq: start, key: 'odd', select: odds });
    // Commit until all three have joined (the live-only one starts at "now").
    await vi.waitFor(async () => {
      await commit(2);
      expect([a1, a2, b].every((s) => s.state.joined)).toBe(true);
    });
    expect(groups.groupCount()).toBe(2);
    const events = await h
      .ctx()
      .log.read({ storeId: h.demo.storeId, afterSeq: start, limit: 1000 });
    await commit(6);
    const all = await h.ctx().log.read({ storeId: h.demo.storeId, afterSeq: start, limit: 1000 });
    const expected = (p: number) => all.filter((e) => parity(e) === p).map((e) => e.seq);
    await vi.waitFor(() => {
      expect(a1.seqs).toEqual(expected(0));
      expect(b.seqs).toEqual(expected(1));
    });
    // The live-only subscriber has a suffix of the same sequence, with no gap.
    const tail = expected(0).slice(expected(0).indexOf(a2.seqs[0] ?? -1));
    expect(a2.seqs).toEqual(tail);
    expect(events.length).toBeGreaterThan(0);
    await a1.stop();
    expect(groups.groupCount()).toBe(2);
    await a2.stop();
    await b.stop();
    expect(groups.groupCount()).toBe(0);
  });

  test('a stream nobody takes the handoff from goes on by itself', async () => {
    const start = await head();
    const abort = new AbortController();
    onTestFinished(() => abort.abort());
    const stream = streamEvents({
      bus: h.bus,
      log: h.ctx().log,
      storeId: h.demo.storeId,
      afterSeq: start,
      maxReplay: 10_000,
      signal: abort.signal,
      share: { groups, key: 'ignored' },
    });
    const seqs = await commit(3);
    const got: number[] = [];
    for (let i = 0; i < 3; i++) {
      const step = await stream.next();
      const value = step.value as LiveHandoff<StoredEvent> | StoredEvent;
      got.push(value instanceof LiveHandoff ? value.item.seq : value.seq);
      // JSON of a handoff is its item: a transport that ignores handoffs writes the item.
      if (value instanceof LiveHandoff) {
        expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse(JSON.stringify(value.item)));
      }
    }
    expect(got).toEqual(seqs);
    expect(groups.groupCount()).toBe(0);
    await stream.return(undefined);
  });
});
