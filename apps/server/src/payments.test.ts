import { createStripeGateway } from '@kds/api';
import { orders, payments } from '@kds/db';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startFakeStripe, type FakeStripe } from './test/fake-stripe.ts';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
} from './test/harness.ts';

const SECRET = 'whsec_test_secret';
const signer = new Stripe('sk_test_signer');
let fx: Fixture;
let fake: FakeStripe;
let server: Server;
let guest: Client;
let kitchen: Client;

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
});
afterAll(async () => {
  guest.close();
  kitchen.close();
  await server.close();
  await fake.close();
  await fx.db.close();
});

function completedEvent(
  sessionId: string,
  orderId: string,
  amount: number,
  currency = 'usd',
  id = `evt_${crypto.randomUUID()}`,
) {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: orderId,
        payment_status: 'paid',
        amount_total: amount,
        currency,
      },
    },
  });
}

async function deliver(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  const response = await fetch(`http://${server.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as { outcome?: string } };
}

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
