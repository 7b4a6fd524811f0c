import { orderEvents } from '@kds/db';
import { count, eq, max, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { inStore } from '../domain/transaction.ts';
import { createHarness, type Harness } from '../test/fixtures.ts';
import { appendEvents } from './append-events.ts';
import { streamEvents } from './stream-events.ts';
import type { StoredEvent } from './types.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('per-store event sequence', () => {
  test('many concurrent transactions commit gap-free, in sequence order', async () => {
    const { storeId } = h.demo;
    const writers = 40;
    const perWriter = 3;
    const total = writers * perWriter;

    // A live subscriber from the start: it must see 1..total exactly once, in order.
    const abort = new AbortController();
    const received: number[] = [];
    const stream = streamEvents({
      bus: h.bus,
      log: h.ctx().log,
      storeId,
      afterSeq: 0,
      signal: abort.signal,
      maxReplay: 100_000,
    });
    const consumed = (async () => {
      for await (const event of stream) {
        received.push((event as StoredEvent).seq);
        if (received.length === total) abort.abort();
      }
    })();

    // Observer: if a later seq ever committed before an earlier one, some snapshot would show
    // a hole (fewer rows than the highest seq).
    let writing = true;
    const samples: { rows: number; top: number }[] = [];
    const observing = (async () => {
      while (writing) {
        const [row] = await h.db
          .select({ rows: count(), top: max(orderEvents.seq) })
          .from(orderEvents)
          .where(eq(orderEvents.storeId, storeId));
        samples.push({ rows: row?.rows ?? 0, top: row?.top ?? 0 });
      }
    })();

    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        inStore(h.ctx(), storeId, async (tx) => {
          await appendEvents(
            tx,
            storeId,
            Array.from({ length: perWriter }, () => ({
              type: 'ticket.prioritized' as const,
              orderId: null,
              payload: { priority: w, version: 1, number: w },
            })),
            { actor: { kind: 'system', id: null } },
          );
          // Hold the transaction open after taking the sequence, to widen any race.
          await tx.db.execute(sql`select pg_sleep(${(w % 5) / 200})`);
        }),
      ),
    );
    writing = false;
    await observing;
    // Bounded wait: a lost event fails the assertions below instead of hanging the test.
    await vi
      .waitFor(() => expect(received.length).toBeGreaterThanOrEqual(total), { timeout: 5_000 })
      .catch(() => {});
    abort.abort();
    await consumed;

    const rows = await h.db
      .select({ seq: orderEvents.seq })
      .from(orderEvents)
      .where(eq(orderEvents.storeId, storeId))
      .orderBy(orderEvents.seq);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((s) => s.rows !== s.top)).toEqual([]);
    expect(received).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(h.bus.listenerCount(storeId)).toBe(0);
  });
});
