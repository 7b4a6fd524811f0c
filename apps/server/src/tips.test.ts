import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FakeStripe } from './test/fake-stripe.ts';
import type { Client, Fixture, Server } from './test/harness.ts';
import { completedEvent, deliverStripe } from './test/stripe-events.ts';
import { lineTotal, startStripeStore, type StripeStore } from './test/stripe-store.ts';

const SECRET = 'whsec_tips';
let s: StripeStore;
let fx: Fixture;
let fake: FakeStripe;
let server: Server;
let guest: Client;
let manager: Client;

beforeAll(async () => {
  s = await startStripeStore(SECRET);
  ({ fx, fake, server, guest, manager } = s);
});
afterAll(() => s.close());

// Business days are the store's: around midnight UTC, "today" differs by zone.
const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
const around = () => ({ from: day(-86_400_000), to: day(86_400_000) });

async function paidOnline(extra: Record<string, unknown>) {
  const placed = await guest.trpc.order.place.mutate(fx.order({ payment: 'online', ...extra }));
  const sessionId = placed.checkoutUrl?.split('/').pop() ?? '';
  const paymentIntent = `pi_${crypto.randomUUID()}`;
  const payload = completedEvent(
    sessionId,
    placed.orderId,
    placed.totals.totalCents,
    'usd',
    undefined,
    paymentIntent,
  );
  expect((await deliverStripe(server.url, payload, { secret: SECRET })).status).toBe(200);
  return { placed, paymentIntent, session: fake.sessions.at(-1) ?? {} };
}

describe('tips', () => {
  test('a tip is charged at checkout on top of tax, and counted in the report', async () => {
    const before = (await manager.trpc.report.summary.query(around())).tipsCents;
    const { placed, session } = await paidOnline({ tipCents: 400 });
    expect(placed.totals.tipCents).toBe(400);
    expect(lineTotal(session)).toBe(placed.totals.totalCents);
    expect(Object.values(session)).toContain('Tip');
    const after = await manager.trpc.report.summary.query(around());
    expect(after.tipsCents).toBe(before + 400);
  });

  test('a tip with a discount: one checkout line for the total, the tip untouched by the code', async () => {
    await manager.trpc.discount.create.mutate({ code: 'HALFOFF', kind: 'percent', value: 50 });
    const { placed, session } = await paidOnline({ tipCents: 300, discountCode: 'HALFOFF' });
    expect(placed.totals).toMatchObject({
      subtotalCents: 2_000,
      discountCents: 1_000,
      tipCents: 300,
    });
    expect(lineTotal(session)).toBe(placed.totals.totalCents);
  });

  test('canceling a paid order with a tip refunds the tip with it; the report counts neither', async () => {
    const before = await manager.trpc.report.summary.query(around());
    const { placed, paymentIntent } = await paidOnline({ tipCents: 500 });
    await manager.trpc.order.cancel.mutate({ orderId: placed.orderId, reason: 'kitchen closed' });
    const refunds = fake.refunds.length;
    await server.app.jobs.runOnce();
    expect(fake.refunds.slice(refunds)).toEqual([
      expect.objectContaining({ paymentIntent, amount: placed.totals.totalCents }),
    ]);
    const after = await manager.trpc.report.summary.query(around());
    expect(after.tipsCents).toBe(before.tipsCents);
    expect(after.revenueCents).toBe(before.revenueCents);
  });
});
