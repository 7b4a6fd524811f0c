import { outbox, payments, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { appRouter } from '../../root.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { percentile } from './compute-report.ts';

let h: Harness;
let manager: Principal & { kind: 'staff' };
let cook: Principal;
// 12:00 in New York (EDT) on Tuesday 10 March 2026.
const NOON = Date.parse('2026-03-10T16:00:00Z');
let clock = NOON;
const at = (seconds: number) => (clock = NOON + seconds * 1000);
const as = (principal: Principal | null) =>
  appRouter.createCaller({ ...h.ctx(principal), now: () => new Date(clock) });

beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  await h.db.update(stores).set({ openingHours: [] }).where(eq(stores.id, h.demo.storeId));
});
afterAll(() => h.close());

describe('reports', () => {
  test('nearest-rank percentiles', () => {
    expect(percentile([180, 300, 480], 50)).toBe(300);
    expect(percentile([180, 300, 480], 90)).toBe(480);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
  });

  test('a day with known bump times gives the hand-computed ticket times, rates and profit', async () => {
    const grill = h.demo.station.Grill ?? '';
    const fry = h.demo.station.Fry ?? '';
    at(0);
    const a = await as(null).order.place(counterOrder(h.demo));
    at(60);
    const b = await as(null).order.place(counterOrder(h.demo));
    at(120);
    const c = await as(null).order.place(counterOrder(h.demo));
    at(180);
    const d = await as(null).order.place(counterOrder(h.demo));
    at(200);
    await as(manager).order.cancel({ orderId: d.orderId, reason: 'walked out' });

    const bump = (orderId: string, stationId?: string) =>
      as(cook).ticket.bump({ orderId, ...(stationId ? { stationId } : {}) });
    at(240);
    await bump(a.orderId, fry); // A fry 240 s
    await bump(c.orderId, fry); // C fry 120 s
    at(300);
    await bump(c.orderId, grill); // C grill 180 s
    at(330);
    await bump(c.orderId); // C ready 210 s
    at(360);
    await bump(b.orderId, grill); // B grill 300 s
    at(420);
    await bump(b.orderId, fry); // B fry, first time
    at(450);
    await as(cook).ticket.recall({ orderId: b.orderId, stationId: fry }); // not right: again
    at(480);
    await bump(a.orderId, grill); // A grill 480 s
    at(500);
    await bump(a.orderId); // A ready 500 s
    at(600);
    await bump(b.orderId, fry); // B fry 540 s (the recall moved it)
    at(620);
    await bump(b.orderId); // B ready 560 s

    const total = (await as(manager).order.detail({ orderId: a.orderId })).order.totalCents;
    // A card fee on one order and the cost of one text, as Stripe and Twilio would report.
    await h.db.insert(payments).values({
      storeId: h.demo.storeId,
      orderId: a.orderId,
      provider: 'stripe',
      providerRef: 'cs_report_fee',
      status: 'paid',
      amountCents: total,
      currency: 'USD',
      feeCents: 50,
    });
    await h.db.insert(outbox).values({
      storeId: h.demo.storeId,
      orderId: a.orderId,
      channel: 'sms',
      dedupeKey: 'report-test-sms',
      recipient: '+15550000000',
      template: 'sms.ready',
      payload: {},
      status: 'sent',
      costMicros: 20_000,
    });

    const report = await as(manager).report.summary({ from: '2026-03-10', to: '2026-03-10' });
    const station = (name: string) => report.ticketTimes.byStation.find((s) => s.station === name);
    expect(station('Grill')).toMatchObject({ count: 3, p50: 300, p90: 480 });
    expect(station('Fry')).toMatchObject({ count: 3, p50: 240, p90: 540 });
    expect(report.timeToReady).toMatchObject({ count: 3, p50: 500, p90: 560, mean: 423 });
    expect(report.ticketTimes.byHour).toEqual([
      { hour: 12, count: 3, p50: 500, p90: 560, mean: 423 },
    ]);

    // Three sold (D was canceled): net sales 3 x (12.00 + 2 x 4.50), item cost 3 x (3.80 +
    // 2 x 0.90), one 0.50 card fee, one 0.02 text.
    expect(report.profit).toEqual({
      netSalesCents: 6300,
      itemCostCents: 1680,
      paymentFeesCents: 50,
      messageCostCents: 2,
      profitCents: 4568,
    });
    expect(report.revenueCents).toBe(total * 3);
    expect(report.orders).toBe(4);
    expect(report.rates).toMatchObject({ completion: 0, cancellation: 0.25 });
    expect(report.byHour[12]).toEqual({ hour: 12, orders: 3, revenueCents: total * 3 });
    expect(report.topItems[0]).toEqual({ name: 'Fries', quantity: 6, revenueCents: 2700 });
    expect(report.delivery.sms).toEqual({ sent: 1, failed: 0, rate: 1 });
  });

  test('only managers, and at most a year', async () => {
    expect(
      await trpcCodeOf(as(cook).report.summary({ from: '2026-03-10', to: '2026-03-10' })),
    ).toBe('FORBIDDEN');
    expect(
      await trpcCodeOf(as(manager).report.summary({ from: '2025-01-01', to: '2026-03-10' })),
    ).toBe('UNPROCESSABLE_CONTENT');
  });
});
