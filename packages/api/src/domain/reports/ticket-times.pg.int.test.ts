// Runs only with TEST_DATABASE_URL (vitest.config.ts): the race needs two connections.
import { createDb, executeRows, stores, ticketTimes } from '@kds/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, type Harness } from '../../test/fixtures.ts';
import { forgetTicketTimes, keepPendingTicketTimes } from './ticket-times.ts';

let h: Harness;
let cook: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
});
afterAll(() => h.close());

const hoursKept = async () =>
  (
    await h.db
      .select({ key: ticketTimes.key })
      .from(ticketTimes)
      .where(and(eq(ticketTimes.storeId, h.demo.storeId), eq(ticketTimes.kind, 'hour')))
  ).map((r) => r.key);

test('a job that runs while the store changes its time zone waits for it and keeps the hours of the new zone', async () => {
  const placed = await h.caller().order.place(counterOrder(h.demo));
  await h.caller(cook).ticket.bump({ orderId: placed.orderId, force: true });
  await h.caller(cook).order.complete({ orderId: placed.orderId });
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  const zone = store?.timezone === 'Asia/Kolkata' ? 'America/New_York' : 'Asia/Kolkata';

  // Another connection changes the zone, as the settings verb does, and has not committed yet.
  const other = await createDb({ driver: 'postgres', url: h.handle.url ?? '', maxConnections: 1 });
  let job: Promise<number> = Promise.resolve(0);
  await other.db.transaction(async (tx) => {
    await tx.select().from(stores).where(eq(stores.id, h.demo.storeId)).for('update');
    await tx.update(stores).set({ timezone: zone }).where(eq(stores.id, h.demo.storeId));
    job = keepPendingTicketTimes(h.db);
    // Commit once the job waits on the store (or has finished without waiting: the bug).
    for (let i = 0; i < 100; i++) {
      const [waiting] = await executeRows<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (Number(waiting?.n) > 0) break;
      if (await Promise.race([job.then(() => true), Promise.resolve(false)])) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await other.close();
  expect(await job).toBe(1);

  // What a full replay in the new zone gives.
  const kept = await hoursKept();
  await forgetTicketTimes(h.db, h.demo.storeId);
  await keepPendingTicketTimes(h.db);
  expect(kept).toEqual(await hoursKept());
});
