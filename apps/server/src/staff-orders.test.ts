import { createStripeGateway, createTwilioSms } from '@kds/api';
import { orders, outbox, stations, stores } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeStripe, type FakeStripe } from './test/fake-stripe.ts';
import { startFakeTwilio, type FakeTwilio } from './test/fake-twilio.ts';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

const HOUR = 3600_000;
let fx: Fixture;
let stripe: FakeStripe;
let twilio: FakeTwilio;
let server: Server;
let guest: Client;
let manager: Client;
let cook: Client;
let clockOffset = 0;
const now = () => Date.now() + clockOffset;

beforeAll(async () => {
  fx = await createFixture();
  stripe = await startFakeStripe({ now });
  twilio = await startFakeTwilio();
  server = await startServer(fx.db, {
    stripe: createStripeGateway({
      secretKey: 'sk_test_kds',
      webhookSecret: 'whsec_test',
      apiUrl: stripe.url,
    }),
    sms: createTwilioSms({
      accountSid: 'ACtest0000',
      authToken: 'secret',
      from: '+15550000000',
      apiUrl: twilio.url,
    }),
    now: () => new Date(now()),
    jobs: false,
  });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
  const [store] = await fx.db.db.select().from(stores).where(eq(stores.id, fx.storeId));
  if (!store) throw new Error('no store');
  await fx.db.db
    .update(stores)
    .set({
      settings: {
        ...store.settings,
        paymentLinkMinutes: 48 * 60,
        phone: '+15557654321',
        notifications: { ...store.settings.notifications, sms: true, email: true },
      },
    })
    .where(eq(stores.id, fx.storeId));
});
afterAll(async () => {
  await closeAll();
  await stripe.close();
  await twilio.close();
});

/** The guest's order as a manager keys it in: no store slug, a payment choice. */
function phoneOrder(overrides: Record<string, unknown> = {}) {
  const {
    storeSlug: _slug,
    payment: _payment,
    ...order
  } = fx.order({
    fulfilment: { type: 'pickup' },
    customer: { name: 'Phone guest', phone: '+15551112222', email: 'phone@example.test' },
  });
  return { ...order, payment: 'link' as const, ...overrides };
}

const onKitchen = async (orderId: string) =>
  (await cook.trpc.kitchen.tickets.query({})).tickets.some((t) => t.orderId === orderId);

describe('order.enter: staff key in phone orders and walk-ins', () => {
  test('paid at the counter, a walk-in goes to the kitchen at once, marked as a staff order', async () => {
    const placed = await manager.trpc.order.enter.mutate(phoneOrder({ payment: 'counter' }));
    expect(placed.status).toBe('PLACED');
    expect(placed.payUrl).toBeNull();
    expect(await onKitchen(placed.orderId)).toBe(true);
    const [row] = await fx.db.db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(row?.source).toBe('staff');
    expect(row?.paymentStatus).toBe('at_counter');
  });

  test('with a payment link it waits for payment: texted with the total, the deadline and the wait', async () => {
    const placed = await manager.trpc.order.enter.mutate(
      phoneOrder({ sendLinkBy: { sms: true, email: true } }),
    );
    expect(placed.status).toBe('PENDING_PAYMENT');
    expect(placed.payUrl).toMatch(new RegExp(`/track/${placed.trackingToken}$`));
    expect(placed.linkSentBy).toEqual({ sms: true, email: true });
    expect(await onKitchen(placed.orderId)).toBe(false);
    const [row] = await fx.db.db.select().from(orders).where(eq(orders.id, placed.orderId));
    // The store's link validity (48 hours), not the guest checkout's 30 minutes.
    expect(row?.paymentExpiresAt?.getTime()).toBeGreaterThan(now() + 47 * HOUR);
    const queued = await fx.db.db
      .select({ template: outbox.template, recipient: outbox.recipient })
      .from(outbox)
      .where(eq(outbox.orderId, placed.orderId));
    expect(queued.map((m) => m.template).sort()).toEqual([
      'email.payment_link',
      'sms.payment_link',
    ]);

    await server.app.jobs.runOnce();
    const text = twilio.messages.find((m) => m.body.includes(placed.trackingToken));
    expect(text?.to).toBe('+15551112222');
    expect(text?.body).toMatch(/pay for order #\d+ \(\$\d+\.\d\d\) here: http/);
    expect(text?.body).toMatch(
      /The link works until \w{3} \d{1,2}:\d\d [AP]M\. Ready about \d+ min after you pay\./,
    );
  });

  test('the link outlives a checkout session: opening it a day later starts a fresh one', async () => {
    const placed = await manager.trpc.order.enter.mutate(phoneOrder());
    const first = await guest.trpc.order.pay.mutate({ trackingToken: placed.trackingToken });
    const session = stripe.sessions.at(-1);
    // Stripe's limit: a session lives at most 24 hours, though the link lives 48.
    expect(Number(session?.expires_at) * 1000).toBeLessThanOrEqual(now() + 24 * HOUR);
    expect(Number(session?.expires_at) * 1000).toBeGreaterThan(now() + 23 * HOUR);
    expect(await guest.trpc.order.pay.mutate({ trackingToken: placed.trackingToken })).toEqual(
      first,
    );

    clockOffset = 25 * HOUR;
    try {
      const later = await guest.trpc.order.pay.mutate({ trackingToken: placed.trackingToken });
      expect(later.checkoutUrl).not.toBe(first.checkoutUrl);
      expect(stripe.sessions.at(-1)?.client_reference_id).toBe(placed.orderId);
      const tracked = await guest.trpc.tracker.get.query({ trackingToken: placed.trackingToken });
      expect(tracked.status).toBe('PENDING_PAYMENT');
      expect(new Date(tracked.payBy ?? 0).getTime()).toBeGreaterThan(now());

      // Past the link's own 48 hours: the order expires and its page says whom to call.
      clockOffset = 49 * HOUR;
      await server.app.jobs.runOnce();
      const expired = await guest.trpc.tracker.get.query({ trackingToken: placed.trackingToken });
      expect(expired.status).toBe('EXPIRED');
      expect(expired.store?.phone).toBe('+15557654321');
      await expect(
        guest.trpc.order.pay.mutate({ trackingToken: placed.trackingToken }),
      ).rejects.toMatchObject({ data: { code: 'PRECONDITION_FAILED' } });
    } finally {
      clockOffset = 0;
    }
  });

  test('a link that cannot be sent is refused and nothing is placed', async () => {
    const before = await fx.db.db.select({ id: orders.id }).from(orders);
    await expect(
      manager.trpc.order.enter.mutate(
        phoneOrder({
          customer: { name: 'No number' },
          sendLinkBy: { sms: true, email: false },
        }),
      ),
    ).rejects.toMatchObject({
      data: {
        code: 'UNPROCESSABLE_CONTENT',
        details: {
          problems: [
            expect.objectContaining({ code: 'CONTACT_MISSING', path: ['customer', 'phone'] }),
          ],
        },
      },
    });
    expect(await fx.db.db.select({ id: orders.id }).from(orders)).toHaveLength(before.length);
  });

  test('the same key twice makes one order', async () => {
    const input = phoneOrder({ payment: 'counter' });
    const [a, b] = await Promise.all([
      manager.trpc.order.enter.mutate(input),
      manager.trpc.order.enter.mutate(input),
    ]);
    expect(a.orderId).toBe(b.orderId);
  });

  test('the expo screen may key in a walk-in; a cook and a prep screen may not', async () => {
    const [grill] = await fx.db.db
      .select()
      .from(stations)
      .where(and(eq(stations.storeId, fx.storeId), eq(stations.kind, 'prep')));
    const [expo] = await fx.db.db
      .select()
      .from(stations)
      .where(and(eq(stations.storeId, fx.storeId), eq(stations.kind, 'expo')));
    const screen = async (stationId: string | undefined) => {
      const { code } = await manager.trpc.device.createPairingCode.mutate({
        name: 'Screen',
        ...(stationId ? { stationId } : {}),
      });
      const { token } = await guest.trpc.device.pair.mutate({ code });
      return connect(server, token);
    };
    const expoScreen = await screen(expo?.id);
    const grillScreen = await screen(grill?.id);
    try {
      const walkIn = await expoScreen.trpc.order.enter.mutate(phoneOrder({ payment: 'counter' }));
      expect(walkIn.status).toBe('PLACED');
      for (const refused of [cook, grillScreen]) {
        await expect(
          refused.trpc.order.enter.mutate(phoneOrder({ payment: 'counter' })),
        ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
      }
      await expect(
        guest.trpc.order.enter.mutate(phoneOrder({ payment: 'counter' })),
      ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    } finally {
      expoScreen.close();
      grillScreen.close();
    }
  });
});
