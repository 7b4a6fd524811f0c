import { claimDue, createTwilioCalls, createTwilioSms } from '@kds/api';
import Twilio from 'twilio';
import { outbox, smsOptOuts, stores, type StoreSettings } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const AUTH_TOKEN = 'auth-token-0123456789';
let fx: Fixture;
let twilio: FakeTwilio;
let server: Server;
let guest: Client;
let cook: Client;

beforeAll(async () => {
  fx = await createFixture();
  twilio = await startFakeTwilio();
  const config = {
    accountSid: 'ACtest0000',
    authToken: AUTH_TOKEN,
    from: '+15550001111',
    apiUrl: twilio.url,
    statusCallbackUrl: 'http://localhost:3000/webhooks/twilio/status',
  };
  server = await startServer(fx.db, {
    sms: createTwilioSms(config),
    calls: createTwilioCalls(config),
    jobs: false,
    twilioAuthToken: AUTH_TOKEN,
  });
  guest = connect(server);
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await twilio.close();
});

const consenting = (phone = '+15557654321', consent: Record<string, boolean> = {}) =>
  guest.trpc.order.place.mutate(
    fx.order({
      fulfilment: { type: 'pickup' },
      customer: { name: 'Ada', phone, smsConsent: true, ...consent },
    }),
  );
const rows = (orderId: string) => fx.db.db.select().from(outbox).where(eq(outbox.orderId, orderId));
const ofChannel = async (orderId: string, channel: 'sms' | 'call') =>
  (await rows(orderId)).filter((r) => r.channel === channel);

/** Changes the demo store's notification settings for one test. */
async function withNotifications(
  change: Partial<StoreSettings['notifications']>,
  run: () => Promise<void>,
) {
  const [store] = await fx.db.db.select().from(stores).where(eq(stores.id, fx.storeId));
  if (!store) throw new Error('no store');
  const original = store.settings;
  const settings = { ...original, notifications: { ...original.notifications, ...change } };
  await fx.db.db.update(stores).set({ settings }).where(eq(stores.id, fx.storeId));
  try {
    await run();
  } finally {
    await fx.db.db.update(stores).set({ settings: original }).where(eq(stores.id, fx.storeId));
  }
}

/** A form POST signed as Twilio signs it (or with a forged signature). */
const twilioPost = (path: string, params: Record<string, string>, forged = false) =>
  fetch(`http://${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': forged
        ? 'not-a-signature'
        : Twilio.getExpectedTwilioSignature(AUTH_TOKEN, `http://localhost:3000${path}`, params),
    },
    body: new URLSearchParams(params).toString(),
  });

describe('texts to guests through Twilio', () => {
  test('placing sends one confirmation with the tracker link and the pickup code', async () => {
    const order = await consenting();
    const before = twilio.messages.length;
    await server.app.jobs.runOnce();
    const sent = twilio.messages.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: '+15557654321', from: '+15550001111' });
    expect(sent[0]?.body).toContain(`/track/${order.trackingToken}`);
    const code = /Pickup code: (\d{6})/.exec(sent[0]?.body ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await rows(order.orderId);
    expect(row).toMatchObject({ status: 'sent', providerId: `SM${before + 1}` });
    // The code travels in the text, never in the database.
    expect(JSON.stringify(row)).not.toContain(code);
  });

  test('READY sends one text, however often the ticket is recalled and readied', async () => {
    const order = await consenting();
    await server.app.jobs.runOnce();
    const before = twilio.messages.length;
    await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
    await cook.trpc.ticket.recall.mutate({ orderId: order.orderId });
    await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
    await server.app.jobs.runOnce();
    const ready = twilio.messages.slice(before);
    expect(ready).toHaveLength(1);
    expect(ready[0]?.body).toMatch(/is ready! Show code \d{6} at the counter/);
  });

  test('no consent, no text', async () => {
    const order = await guest.trpc.order.place.mutate(
      fx.order({ customer: { name: 'Bo', phone: '+15550009999' } }),
    );
    expect(await rows(order.orderId)).toEqual([]);
  });

  test('provider errors are retried, then the message is marked failed', async () => {
    const order = await consenting();
    twilio.failNext = 100;
    expect(await server.app.jobs.runOnce()).toMatchObject({ failed: 1 });
    expect((await rows(order.orderId))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    await fx.db.db
      .update(outbox)
      .set({ attempts: 7, nextAttemptAt: new Date(0) })
      .where(eq(outbox.orderId, order.orderId));
    await server.app.jobs.runOnce();
    expect((await rows(order.orderId))[0]).toMatchObject({
      status: 'failed',
      attempts: 8,
      error: expect.stringMatching(/down/),
    });
    twilio.failNext = 0;
  });
});

describe('calls, replies, templates and crashes', () => {
  test('READY calls a guest who agreed, once, saying the order number', async () => {
    await withNotifications({ call: true }, async () => {
      const order = await consenting('+15550002222', { callConsent: true });
      const declined = await consenting('+15550003333');
      await server.app.jobs.runOnce();
      const before = twilio.calls.length;
      for (const o of [order, declined]) {
        await cook.trpc.ticket.bump.mutate({ orderId: o.orderId, force: true });
      }
      await cook.trpc.ticket.recall.mutate({ orderId: order.orderId });
      await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
      await server.app.jobs.runOnce();

      const calls = twilio.calls.slice(before);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ to: '+15550002222', from: '+15550001111' });
      expect(calls[0]?.twiml).toMatch(
        new RegExp(`<Response><Say[^>]*>[^<]*order number ${order.number} is ready`),
      );
      expect(calls[0]?.statusCallback).toBe('http://localhost:3000/webhooks/twilio/status');
      expect(await ofChannel(order.orderId, 'sms')).toHaveLength(2);
      expect(await ofChannel(declined.orderId, 'call')).toEqual([]);
    });
  });

  test('the call log records status, duration and cost from a signed callback', async () => {
    await withNotifications({ call: true }, async () => {
      const order = await consenting('+15550002223', { callConsent: true });
      await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
      await server.app.jobs.runOnce();
      const [call] = await ofChannel(order.orderId, 'call');
      expect(call).toMatchObject({ status: 'sent', providerId: expect.stringMatching(/^CA/) });
      const report = {
        CallSid: call?.providerId ?? '',
        CallStatus: 'completed',
        CallDuration: '14',
        Price: '-0.0130',
      };
      expect((await twilioPost('/webhooks/twilio/status', report)).status).toBe(200);
      expect((await ofChannel(order.orderId, 'call'))[0]).toMatchObject({
        providerStatus: 'completed',
        durationSeconds: 14,
        costMicros: 13_000,
      });
    });
  });

  test('a STOP reply ends texts to that number, START resumes them, a forged reply changes nothing', async () => {
    const phone = '+15550004444';
    const forged = await twilioPost('/webhooks/twilio/sms', { From: phone, Body: 'STOP' }, true);
    expect(forged.status).toBe(403);
    expect(await fx.db.db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, phone))).toEqual([]);

    const queued = await consenting(phone); // queued before the STOP arrives
    const stop = await twilioPost('/webhooks/twilio/sms', { From: phone, Body: ' stop ' });
    expect(stop.status).toBe(200);
    expect(await stop.text()).toContain('<Response/>');
    const before = twilio.messages.length;
    await server.app.jobs.runOnce();
    expect(twilio.messages.slice(before).filter((m) => m.to === phone)).toEqual([]);
    expect((await ofChannel(queued.orderId, 'sms'))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringMatching(/replied STOP/),
    });
    const after = await consenting(phone);
    expect(await ofChannel(after.orderId, 'sms')).toEqual([]);

    await twilioPost('/webhooks/twilio/sms', { From: phone, Body: 'START' });
    const resumed = await consenting(phone);
    await server.app.jobs.runOnce();
    expect((await ofChannel(resumed.orderId, 'sms'))[0]).toMatchObject({ status: 'sent' });
  });

  test('a number Twilio knows as unsubscribed fails at once and is remembered', async () => {
    const phone = '+15550005555';
    twilio.unsubscribed.add(phone);
    const order = await consenting(phone);
    await server.app.jobs.runOnce();
    expect((await ofChannel(order.orderId, 'sms'))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    expect(
      await fx.db.db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, phone)),
    ).toHaveLength(1);
    twilio.unsubscribed.delete(phone);
  });

  test("texts use the store's own words, and 'expected at' goes out when cooking starts", async () => {
    await withNotifications(
      {
        smsStarted: true,
        templates: { smsReady: 'Hi from {store}! #{number} is up[, code {code}].' },
      },
      async () => {
        const order = await consenting('+15550006666');
        await server.app.jobs.runOnce();
        const before = twilio.messages.length;
        await cook.trpc.ticket.start.mutate({ orderId: order.orderId });
        await server.app.jobs.runOnce();
        await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
        await server.app.jobs.runOnce();
        const [started, ready] = twilio.messages.slice(before).map((m) => m.body);
        expect(started).toMatch(
          new RegExp(
            `^Demo Diner: the kitchen is making order #${order.number}, expected at \\d{1,2}:\\d\\d [AP]M\\.$`,
          ),
        );
        expect(ready).toMatch(
          new RegExp(`^Hi from Demo Diner! #${order.number} is up, code \\d{6}\\.$`),
        );
      },
    );
  });

  test('a crash between claim and send loses nothing, and the text goes once after recovery', async () => {
    const order = await consenting('+15550007777');
    // A worker claims the text and dies before sending; later its lease has run out.
    const db = { db: fx.db.db, now: () => new Date() };
    const [claimed] = await claimDue(db, ['sms'], { leaseMs: 60_000 });
    expect(claimed).toMatchObject({ orderId: order.orderId, status: 'sending' });
    await fx.db.db
      .update(outbox)
      .set({ lockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(outbox.id, claimed?.id ?? ''));
    const before = twilio.messages.length;
    await server.app.jobs.runOnce();
    await server.app.jobs.runOnce();
    expect(twilio.messages.slice(before).filter((m) => m.to === '+15550007777')).toHaveLength(1);
    expect(
      await fx.db.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.orderId, order.orderId), eq(outbox.status, 'sent'))),
    ).toHaveLength(1);
  });
});

describe('Twilio status callbacks', () => {
  const url = 'http://localhost:3000/webhooks/twilio/status';
  const post = (params: Record<string, string>, signature: string) =>
    fetch(`http://${server.url}/webhooks/twilio/status`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams(params).toString(),
    });

  test('a valid callback records delivery status and cost; a forged one is refused and changes nothing', async () => {
    const order = await consenting();
    await server.app.jobs.runOnce();
    const [row] = await rows(order.orderId);
    const params = {
      MessageSid: row?.providerId ?? '',
      MessageStatus: 'delivered',
      Price: '-0.00790',
      PriceUnit: 'USD',
    };

    const forged = await post({ ...params, MessageStatus: 'failed' }, 'not-a-signature');
    expect(forged.status).toBe(403);
    expect((await rows(order.orderId))[0]).toMatchObject({
      providerStatus: null,
      costMicros: null,
    });

    const valid = await post(params, Twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params));
    expect(valid.status).toBe(200);
    expect((await rows(order.orderId))[0]).toMatchObject({
      providerStatus: 'delivered',
      costMicros: 7900,
    });
  });
});
