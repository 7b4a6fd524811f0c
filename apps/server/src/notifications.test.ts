import { createTwilioSms } from '@kds/api';
import Twilio from 'twilio';
import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from './test/fake-twilio.ts';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
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
  const sms = createTwilioSms({
    accountSid: 'ACtest0000',
    authToken: AUTH_TOKEN,
    from: '+15550001111',
    apiUrl: twilio.url,
  });
  server = await startServer(fx.db, { sms, jobs: false, twilioAuthToken: AUTH_TOKEN });
  guest = connect(server);
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
});
afterAll(async () => {
  guest.close();
  cook.close();
  await server.close();
  await twilio.close();
  await fx.db.close();
});

const consenting = () =>
  guest.trpc.order.place.mutate(
    fx.order({
      fulfilment: { type: 'pickup' },
      customer: { name: 'Ada', phone: '+15557654321', smsConsent: true },
    }),
  );
const rows = (orderId: string) => fx.db.db.select().from(outbox).where(eq(outbox.orderId, orderId));

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
