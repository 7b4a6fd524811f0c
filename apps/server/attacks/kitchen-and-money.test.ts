import { createSmtpMailer, createStripeGateway } from '@kds/api';
import { discountCodes, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../src/test/fake-stripe.ts';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Fixture,
  type Server,
} from '../src/test/harness.ts';
import { codeOf, dataOf, mutate, query, signIn } from './support.ts';

/** The smaller holes: a station screen acting as expo, side effects twice, held capacity, leftovers. */
let fx: Fixture;
let server: Server;
let smtp: SMTPServer;
let stripe: FakeStripe;
let clock = Date.now();
const mailed: string[] = [];
const heldMail: (() => void)[] = [];
const WEBHOOK_SECRET = 'whsec_attack_suite';

beforeAll(async () => {
  fx = await createFixture();
  // A mail server that takes its time over every message until released.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        heldMail.push(() => {
          mailed.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  const smtpPort = typeof address === 'object' && address ? address.port : 0;
  stripe = await startFakeStripe();
  server = await startServer(fx.db, {
    jobs: false,
    now: () => new Date(clock),
    mail: createSmtpMailer({
      url: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
      from: 'KDS <k@demo.test>',
    }),
    stripe: createStripeGateway({
      secretKey: 'sk_test_attack',
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: stripe.url,
    }),
  });
});
afterAll(async () => {
  await server.close();
  await stripe.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await fx.db.close();
});

async function pairScreen(stationName: string) {
  const manager = await signIn(server, 'manager@demo.test');
  const config = dataOf<{ stations: { id: string; name: string }[] }>(
    await query(server, 'kitchen.config', undefined, { token: manager }),
  );
  const station = config.stations.find((s) => s.name === stationName);
  const { code } = dataOf<{ code: string }>(
    await mutate(
      server,
      'device.createPairingCode',
      { name: `${stationName} screen`, stationId: station?.id },
      { token: manager },
    ),
  );
  const { token } = dataOf<{ token: string }>(await mutate(server, 'device.pair', { code }));
  return { token, stations: config.stations };
}

async function statusOf(trackingToken: string) {
  return dataOf<{ status: string }>(await query(server, 'tracker.get', { trackingToken })).status;
}

describe('attack: a station screen bumps for expo', () => {
  test('a screen paired to the grill acts for the grill only', async () => {
    const grill = await pairScreen('Grill');
    const expo = grill.stations.find((s) => s.name === 'Expo');
    const fry = grill.stations.find((s) => s.name === 'Fry');
    const order = dataOf<{ orderId: string; trackingToken: string }>(
      await mutate(server, 'order.place', fx.order()),
    );
    for (const stationId of [expo?.id, fry?.id]) {
      const bump = await mutate(
        server,
        'ticket.bump',
        { orderId: order.orderId, stationId, force: true },
        { token: grill.token },
      );
      expect(codeOf(bump)).toBe('FORBIDDEN');
    }
    expect(await statusOf(order.trackingToken)).toBe('PLACED');
  });
});

describe('attack: a slow mail server gets the same email twice', () => {
  test('a send that takes longer than a minute is not started again', async () => {
    await mutate(
      server,
      'order.place',
      fx.order({ customer: { name: 'Slow', email: 'slow@example.org', emailConsent: true } }),
    );
    const first = server.app.jobs.runOnce();
    await vi.waitFor(() => expect(heldMail.length).toBeGreaterThan(0));
    clock += 90_000;
    // A second worker's pass: it either finds nothing due, or starts the same email again.
    const second = server.app.jobs.runOnce();
    await Promise.race([second, until(() => heldMail.length > 1)]);
    heldMail.splice(0).forEach((answer) => answer());
    await second;
    await first;
    await vi.waitFor(() => expect(heldMail).toEqual([]));
    expect(mailed.filter((to) => to === 'slow@example.org')).toHaveLength(1);
  });
});

describe('attack: a refund counted twice', () => {
  test('a worker that lost its lease does not count the refund again', async () => {
    const placed = dataOf<{
      orderId: string;
      totals: { totalCents: number };
      checkoutUrl: string;
    }>(await mutate(server, 'order.place', fx.order({ payment: 'online' })));
    const sessionId = placed.checkoutUrl.split('/').pop() ?? '';
    const payload = JSON.stringify({
      id: `evt_${crypto.randomUUID()}`,
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          client_reference_id: placed.orderId,
          payment_status: 'paid',
          amount_total: placed.totals.totalCents,
          currency: 'usd',
          payment_intent: `pi_${crypto.randomUUID()}`,
        },
      },
    });
    const signature = new Stripe('sk_test_signer').webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
    });
    const paid = await fetch(`http://${server.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    expect(paid.status).toBe(200);
    const manager = await signIn(server, 'manager@demo.test');
    const half = Math.floor(placed.totals.totalCents / 2);
    await mutate(
      server,
      'order.cancel',
      { orderId: placed.orderId, reason: 'guest left', refundCents: half },
      { token: manager },
    );

    stripe.holdRefunds = 1;
    const slow = server.app.jobs.runOnce(); // its Stripe call hangs; its lease runs out
    await vi.waitFor(() => expect(stripe.heldRefunds).toBe(1));
    clock += 60 * 60_000;
    await server.app.jobs.runOnce(); // another worker takes the message over and finishes it
    stripe.releaseRefunds();
    await slow;

    const detail = dataOf<{
      payments: { refundedCents: number }[];
      order: { paymentStatus: string };
    }>(await query(server, 'order.detail', { orderId: placed.orderId }, { token: manager }));
    expect(detail.payments.map((p) => p.refundedCents)).toEqual([half]);
    expect(detail.order.paymentStatus).toBe('partially_refunded');
  });
});

describe('attack: unpaid orders hold what paying guests need', () => {
  test('an expired unpaid order frees its pickup slot and its discount code', async () => {
    const [store] = await fx.db.db.select().from(stores).where(eq(stores.slug, 'demo'));
    if (!store) throw new Error('no demo store');
    await fx.db.db
      .update(stores)
      .set({ settings: { ...store.settings, scheduledSlotCapacity: 1 } })
      .where(eq(stores.id, store.id));
    onTestFinished(async () => {
      await fx.db.db
        .update(stores)
        .set({ settings: store.settings })
        .where(eq(stores.id, store.id));
    });
    await fx.db.db
      .insert(discountCodes)
      .values({ storeId: store.id, code: 'ONCE', kind: 'percent', value: 10, maxUses: 1 });
    const { slots } = dataOf<{ slots: { at: string; remaining: number }[] }>(
      await query(server, 'order.pickupSlots', { storeSlug: 'demo' }),
    );
    const slot = slots[slots.length - 1]?.at;
    const held = await mutate(
      server,
      'order.place',
      fx.order({ payment: 'online', fireAt: slot, discountCode: 'ONCE' }),
    );
    expect(codeOf(held)).toBeNull();
    clock += 31 * 60_000; // past the 30-minute payment window; the expiry job may not have run
    const slotTaker = await mutate(server, 'order.place', fx.order({ fireAt: slot }));
    expect(codeOf(slotTaker), JSON.stringify(slotTaker.body)).toBeNull();
    await server.app.jobs.runOnce(); // now the job has expired the unpaid order
    const codeTaker = await mutate(server, 'order.place', fx.order({ discountCode: 'ONCE' }));
    expect(codeOf(codeTaker), JSON.stringify(codeTaker.body)).toBeNull();
  });
});

describe('attack: reading an erased guest back out of the event log', () => {
  test('erasure removes the notes on their items from the log too', async () => {
    const phone = '+15550007777';
    const placed = dataOf<{ orderId: string }>(
      await mutate(
        server,
        'order.place',
        fx.order({
          customer: { name: 'Erin Erased', phone },
          items: [
            {
              menuItemId: (await menuItemId('Lemonade')) ?? '',
              quantity: 1,
              notes: 'for Erin, she is allergic to nuts',
            },
          ],
        }),
      ),
    );
    const owner = await signIn(server, 'owner@demo.test');
    const erased = await mutate(server, 'privacy.erase', { phone }, { token: owner });
    expect(codeOf(erased)).toBeNull();

    const cook = connect(server, await signIn(server, 'kitchen@demo.test'));
    onTestFinished(() => cook.close());
    const replay = subscribeKitchen(cook, { lastEventId: '0' });
    await vi.waitFor(() =>
      expect(replay.received.data.some((e) => e.orderId === placed.orderId)).toBe(true),
    );
    const text = JSON.stringify(replay.received.data);
    expect(text).not.toContain('allergic to nuts');
    expect(text).not.toContain('Erin');
  });
});

/** Resolves once `condition` holds (checked every 20 ms), or after 10 s regardless. */
async function until(condition: () => boolean) {
  for (let waited = 0; waited < 10_000 && !condition(); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function menuItemId(name: string) {
  const menu = dataOf<{ categories: { items: { id: string; name: string }[] }[] }>(
    await query(server, 'menu.forStore', { storeSlug: 'demo' }),
  );
  return menu.categories.flatMap((c) => c.items).find((i) => i.name === name)?.id;
}
