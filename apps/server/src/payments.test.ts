import { createStripeGateway } from '@kds/api';
import { auditLog, orders, outbox, payments } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startFakeStripe, type FakeStripe } from './test/fake-stripe.ts';
import { completedEvent, deliverStripe } from './test/stripe-events.ts';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

const SECRET = 'whsec_test_secret';
let fx: Fixture;
let fake: FakeStripe;
let server: Server;
let guest: Client;
let kitchen: Client;
let manager: Client;

beforeAll(async () => {
  fx = await createFixture();
  fake = await startFakeStripe();
  const stripe = createStripeGateway({
    secretKey: 'sk_test_kds',
    webhookSecret: SECRET,
    apiUrl: fake.url,
  });
  server = await startServer(fx.db, { stripe, jobs: false });
  guest = connect(server);
  kitchen = connect(server, await fx.login(guest, 'kitchen@demo.test'));
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await fake.close();
});

const deliver = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
  deliverStripe(server.url, payload, { secret: SECRET, ...options });

async function onlineOrder() {
  const placed = await guest.trpc.order.place.mutate(fx.order({ payment: 'online' }));
  const sessionId = placed.checkoutUrl?.split('/').pop() ?? '';
  return { placed, sessionId };
}

const orderRow = async (id: string) =>
  (await fx.db.db.select().from(orders).where(eq(orders.id, id)))[0];

describe('online payment with Stripe Checkout', () => {
  test('an order waits unpaid and off the kitchen, then reaches it once paid', async () => {
    const { cursor } = await kitchen.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchen, { lastEventId: cursor });
    const { placed, sessionId } = await onlineOrder();
    expect(placed.status).toBe('PENDING_PAYMENT');
    expect(placed.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

    // Line items come from the server's prices and add up to the total.
    const sent = fake.sessions[fake.sessions.length - 1] ?? {};
    expect(sent.client_reference_id).toBe(placed.orderId);
    const sum = Object.keys(sent)
      .filter((k) => /^line_items\[\d+\]\[quantity\]$/.test(k))
      .reduce((total, k) => {
        const i = /\[(\d+)\]/.exec(k)?.[1];
        return total + Number(sent[k]) * Number(sent[`line_items[${i}][price_data][unit_amount]`]);
      }, 0);
    expect(sum).toBe(placed.totals.totalCents);

    expect(
      (await kitchen.trpc.kitchen.tickets.query({})).tickets.map((t) => t.orderId),
    ).not.toContain(placed.orderId);
    const result = await deliver(
      completedEvent(sessionId, placed.orderId, placed.totals.totalCents),
    );
    expect(result).toEqual({ status: 200, body: { received: true, outcome: 'paid' } });
    await vi.waitFor(() => expect(received.data.map((e) => e.orderId)).toContain(placed.orderId));
    expect(received.data.filter((e) => e.type === 'order.placed')).toHaveLength(1);
    expect(
      (await guest.trpc.tracker.get.query({ trackingToken: placed.trackingToken })).status,
    ).toBe('PLACED');
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, sessionId));
    expect(payment).toMatchObject({ status: 'paid', amountCents: placed.totals.totalCents });
    // Stripe's fee and the net amount follow, for real profit per order.
    await vi.waitFor(async () => {
      const [withFee] = await fx.db.db
        .select()
        .from(payments)
        .where(eq(payments.providerRef, sessionId));
      expect(withFee).toMatchObject({
        feeCents: 62,
        netCents: 1000,
        receiptUrl: expect.stringMatching(/receipts/),
      });
    });
    expect((await orderRow(placed.orderId))?.feeCents).toBe(62);
    unsubscribe();
  });

  test('the same event three times, at once and among others, has one effect', async () => {
    const { cursor } = await kitchen.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchen, { lastEventId: cursor });
    const a = await onlineOrder();
    const b = await onlineOrder();
    const event = completedEvent(
      a.sessionId,
      a.placed.orderId,
      a.placed.totals.totalCents,
      'usd',
      'evt_repeated',
    );
    const results = await Promise.all([
      deliver(event),
      deliver(completedEvent(b.sessionId, b.placed.orderId, b.placed.totals.totalCents)),
      deliver(event),
      deliver(event),
    ]);
    const outcomes = results.map((r) => r.body.outcome);
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(2);
    await vi.waitFor(() =>
      expect(received.data.filter((e) => e.type === 'order.placed')).toHaveLength(2),
    );
    expect(received.data.filter((e) => e.orderId === a.placed.orderId)).toHaveLength(1);
    unsubscribe();
  });

  test('an expiry or a failure arriving after the payment changes nothing', async () => {
    const { placed, sessionId } = await onlineOrder();
    await deliver(completedEvent(sessionId, placed.orderId, placed.totals.totalCents));
    for (const type of ['checkout.session.expired', 'checkout.session.async_payment_failed']) {
      const late = JSON.stringify({
        id: `evt_${crypto.randomUUID()}`,
        object: 'event',
        type,
        data: {
          object: {
            id: sessionId,
            object: 'checkout.session',
            client_reference_id: placed.orderId,
            payment_status: 'unpaid',
          },
        },
      });
      expect((await deliver(late)).body.outcome).toBe('ignored');
    }
    expect((await orderRow(placed.orderId))?.status).toBe('PLACED');
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, sessionId));
    expect(payment?.status).toBe('paid');
  });

  test('a forged or stale signature is refused and changes nothing', async () => {
    const { placed, sessionId } = await onlineOrder();
    const event = completedEvent(sessionId, placed.orderId, placed.totals.totalCents);
    expect((await deliver(event, { secret: 'whsec_forged' })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(
      400,
    );
    expect((await orderRow(placed.orderId))?.status).toBe('PENDING_PAYMENT');
  });

  test('a payment that does not match the order is flagged, not sent to the kitchen', async () => {
    const { placed, sessionId } = await onlineOrder();
    const result = await deliver(
      completedEvent(sessionId, placed.orderId, placed.totals.totalCents - 100),
    );
    expect(result.body.outcome).toBe('flagged');
    expect((await orderRow(placed.orderId))?.status).toBe('PENDING_PAYMENT');
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, sessionId));
    expect(payment?.flag).toBe('amount_mismatch');
  });

  test('Pay now reuses the open session instead of opening another', async () => {
    const { placed } = await onlineOrder();
    const before = fake.sessions.length;
    const again = await guest.trpc.order.pay.mutate({ trackingToken: placed.trackingToken });
    expect(again.checkoutUrl).toBe(placed.checkoutUrl);
    expect(fake.sessions.length).toBe(before);
  });
});

/** An online order whose payment Stripe has confirmed, with its PaymentIntent. */
async function paidOrder() {
  const { placed, sessionId } = await onlineOrder();
  const paymentIntent = `pi_${crypto.randomUUID()}`;
  await deliver(
    completedEvent(
      sessionId,
      placed.orderId,
      placed.totals.totalCents,
      'usd',
      undefined,
      paymentIntent,
    ),
  );
  return { placed, paymentIntent };
}

describe('refunds', () => {
  const refundRow = async (orderId: string) =>
    (await fx.db.db.select().from(outbox).where(eq(outbox.orderId, orderId)))[0];
  const makeDue = (orderId: string) =>
    fx.db.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(outbox.orderId, orderId));

  test('canceling a paid order refunds it through Stripe once, even when the first attempt fails', async () => {
    const { placed, paymentIntent } = await paidOrder();
    await manager.trpc.order.cancel.mutate({ orderId: placed.orderId, reason: 'out of buns' });
    const before = fake.refunds.length;
    fake.failRefunds = 2; // the SDK retries once by itself: the whole first attempt fails

    expect(await server.app.jobs.runOnce()).toMatchObject({ sent: 0, failed: 1 });
    expect(await refundRow(placed.orderId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: expect.stringMatching(/down/),
    });
    expect(fake.refunds.length).toBe(before);

    await makeDue(placed.orderId);
    expect(await server.app.jobs.runOnce()).toMatchObject({ sent: 1, failed: 0 });
    expect(fake.refunds.slice(before)).toEqual([
      expect.objectContaining({ paymentIntent, amount: placed.totals.totalCents }),
    ]);
    expect(await server.app.jobs.runOnce()).toMatchObject({ sent: 0 });
    expect(fake.refunds.length).toBe(before + 1);
    expect((await orderRow(placed.orderId))?.paymentStatus).toBe('refunded');
  });

  test('a worker that died after sending does not refund twice once recovered', async () => {
    const { placed } = await paidOrder();
    await manager.trpc.order.cancel.mutate({ orderId: placed.orderId, reason: 'duplicate order' });
    const before = fake.refunds.length;
    await server.app.jobs.runOnce();
    // As if the worker had crashed between Stripe's answer and recording it.
    await fx.db.db
      .update(outbox)
      .set({ status: 'sending', lockedUntil: new Date(0) })
      .where(eq(outbox.orderId, placed.orderId));
    await server.app.jobs.runOnce();
    expect(fake.refunds.length).toBe(before + 1);
    expect(await refundRow(placed.orderId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('a partial refund gives back only what the manager says', async () => {
    const { placed } = await paidOrder();
    await manager.trpc.order.cancel.mutate({
      orderId: placed.orderId,
      reason: 'one item missing',
      refundCents: 500,
    });
    await server.app.jobs.runOnce();
    expect(fake.refunds[fake.refunds.length - 1]).toMatchObject({ amount: 500 });
    expect((await orderRow(placed.orderId))?.paymentStatus).toBe('partially_refunded');
  });
});

describe('reconciliation', () => {
  test('repairs a payment Stripe has but whose webhook never came, once, and records it', async () => {
    const { placed, sessionId } = await onlineOrder();
    fake.markPaid(sessionId, `pi_${crypto.randomUUID()}`);
    const mine = (repairs: { orderId: string }[]) =>
      repairs.filter((r) => r.orderId === placed.orderId);
    // Earlier tests paid through webhooks alone, so the fake also reports those as unpaid.
    const first = await manager.trpc.payment.reconcile.mutate();
    expect(mine(first.repairs)).toEqual([
      { orderId: placed.orderId, sessionId, action: 'marked_paid' },
    ]);
    expect((await orderRow(placed.orderId))?.status).toBe('PLACED');
    expect((await kitchen.trpc.kitchen.tickets.query({})).tickets.map((t) => t.orderId)).toContain(
      placed.orderId,
    );
    expect(mine((await manager.trpc.payment.reconcile.mutate()).repairs)).toEqual([]);
    const audit = await fx.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, placed.orderId));
    expect(audit.map((a) => a.action)).toEqual(['payment.reconciled.marked_paid']);
  });

  test('flags a payment we hold as paid that Stripe does not', async () => {
    const { placed, sessionId } = await onlineOrder();
    await deliver(completedEvent(sessionId, placed.orderId, placed.totals.totalCents));
    const result = await manager.trpc.payment.reconcile.mutate();
    expect(result.repairs).toContainEqual({
      orderId: placed.orderId,
      sessionId,
      action: 'flagged_unpaid_at_stripe',
    });
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.providerRef, sessionId));
    expect(payment?.flag).toBe('unpaid_at_stripe');
  });

  test('is a manager action', async () => {
    await expect(kitchen.trpc.payment.reconcile.mutate()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });
});

describe('payment links and refunds seen from Stripe', () => {
  test('a manager gets the link for a phone order; it reaches the kitchen only when paid', async () => {
    const order = await manager.trpc.order.place.mutate(
      fx.order({ payment: 'online', customer: { name: 'Phone guest' } }),
    );
    const link = await manager.trpc.payment.link.mutate({ orderId: order.orderId });
    expect(link.payUrl).toMatch(new RegExp(`/track/${order.trackingToken}$`));
    expect(
      (await kitchen.trpc.kitchen.tickets.query({})).tickets.map((t) => t.orderId),
    ).not.toContain(order.orderId);
    await expect(
      kitchen.trpc.payment.link.mutate({ orderId: order.orderId }),
    ).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
  });

  test("charge.refunded records Stripe's refunded total, however often it comes", async () => {
    const { placed, paymentIntent } = await paidOrder();
    const refunded = (amount: number) =>
      JSON.stringify({
        id: `evt_${crypto.randomUUID()}`,
        object: 'event',
        type: 'charge.refunded',
        data: {
          object: {
            id: 'ch_1',
            object: 'charge',
            payment_intent: paymentIntent,
            amount_refunded: amount,
            currency: 'usd',
          },
        },
      });
    expect((await deliver(refunded(300))).body.outcome).toBe('refunded');
    expect((await orderRow(placed.orderId))?.paymentStatus).toBe('partially_refunded');
    await deliver(refunded(300));
    await deliver(refunded(placed.totals.totalCents));
    const [payment] = await fx.db.db
      .select()
      .from(payments)
      .where(eq(payments.paymentIntentId, paymentIntent));
    expect(payment?.refundedCents).toBe(placed.totals.totalCents);
    expect((await orderRow(placed.orderId))?.paymentStatus).toBe('refunded');
  });
});
