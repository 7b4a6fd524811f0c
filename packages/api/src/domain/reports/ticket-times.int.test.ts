import { orders, ticketTimes } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, type Harness } from '../../test/fixtures.ts';
import { keepPendingTicketTimes } from './ticket-times.ts';

// The report keeps the ticket times of handed-over orders instead of replaying their events
// every time; whatever the verbs do to an order, the report must not change because of it.
let h: Harness;
let cook: Principal;
let manager: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const keptOf = async (orderId: string) => {
  const [order] = await h.db.select().from(orders).where(eq(orders.id, orderId));
  const rows = await h.db.select().from(ticketTimes).where(eq(ticketTimes.orderId, orderId));
  return { kept: order?.ticketTimesKept, kinds: rows.map((r) => r.kind).sort() };
};
// The store's business days, not UTC's: from midnight UTC until the store's own midnight the
// two dates differ, so the report covers the days around today.
const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
const aroundToday = () => ({ from: day(-86_400_000), to: day(86_400_000) });
const report = () => h.caller(manager).report.summary(aroundToday());

test('the job keeps the ticket times of a handed-over order, a recall forgets them, and the report stays the same', async () => {
  const placed = await h.caller().order.place(counterOrder(h.demo));
  await h.caller(cook).ticket.bump({ orderId: placed.orderId, force: true });
  const replayed = await report();
  expect(replayed.timeToReady.count).toBeGreaterThan(0);

  await h.caller(cook).order.complete({ orderId: placed.orderId });
  expect(await keptOf(placed.orderId)).toEqual({ kept: false, kinds: [] });
  expect(await keepPendingTicketTimes(h.db)).toBe(1); // the job
  expect(await keptOf(placed.orderId)).toEqual({
    kept: true,
    kinds: ['hour', 'item', 'item', 'ready', 'station', 'station'],
  });
  expect((await report()).ticketTimes).toEqual(replayed.ticketTimes);

  await h.caller(cook).ticket.recall({ orderId: placed.orderId });
  expect(await keptOf(placed.orderId)).toEqual({ kept: false, kinds: [] });
  // Back to READY by a recall, which came after its last bump: it has no time to READY now.
  const recalled = await report();
  expect(recalled.timeToReady.count).toBe(replayed.timeToReady.count - 1);

  await h.caller(cook).order.complete({ orderId: placed.orderId });
  expect(await keepPendingTicketTimes(h.db)).toBe(1);
  expect((await keptOf(placed.orderId)).kept).toBe(true);
  expect((await report()).ticketTimes).toEqual(recalled.ticketTimes);
});

test('a store whose clock moves forgets every kept time, and the job keeps them again in the new zone', async () => {
  const placed = await h.caller().order.place(counterOrder(h.demo));
  await h.caller(cook).ticket.bump({ orderId: placed.orderId, force: true });
  await h.caller(cook).order.complete({ orderId: placed.orderId });
  await keepPendingTicketTimes(h.db);
  expect((await keptOf(placed.orderId)).kept).toBe(true);
  const before = await report();

  // The settings form as the admin app sends it back (what it does not send is ignored).
  const form = await h.caller(manager).store.settings();
  const zone = form.timezone === 'Asia/Kolkata' ? 'America/New_York' : 'Asia/Kolkata';
  await h.caller(manager).store.updateSettings({ ...form, timezone: zone });
  expect(await keptOf(placed.orderId)).toEqual({ kept: false, kinds: [] });
  const replayed = await report();

  expect(await keepPendingTicketTimes(h.db)).toBeGreaterThan(0);
  expect((await keptOf(placed.orderId)).kept).toBe(true);
  expect(await report()).toEqual(replayed);
  // Kolkata is 5:30 off New York: the half hour moves some orders to another hour of the day.
  expect(replayed.ticketTimes.byHour).not.toEqual(before.ticketTimes.byHour);
});
