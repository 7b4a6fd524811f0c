import { verifyWebhookSignature, type WebhookBody } from '@kds/api';
import { outbox, webhookEndpoints } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { createServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createFixture,
  createRivalStore,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

/** An integrator's endpoint on a free port: answers with the next status in `plan`, then 200. */
interface Receiver {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: string; status: number }[];
  plan: (number | 'hang')[];
  /** Requests held open by 'hang'; `release()` answers them with 200. */
  hanging: number;
  release(): void;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const held: (() => void)[] = [];
  const receiver = {
    requests: [] as Receiver['requests'],
    plan: [] as Receiver['plan'],
    get hanging() {
      return held.length;
    },
    release: () => held.splice(0).forEach((answer) => answer()),
  };
  const http: HttpServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const next = receiver.plan.shift() ?? 200;
      const answer = (status: number) => {
        receiver.requests.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      };
      if (next === 'hang') held.push(() => answer(200));
      else answer(next);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/kds`,
    close: () =>
      new Promise<void>((r) => {
        http.closeAllConnections();
        http.close(() => r());
      }),
  });
}

let fx: Fixture;
let server: Server;
let receiver: Receiver;
let guest: Client;
let manager: Client;
let managerToken: string;

beforeAll(async () => {
  fx = await createFixture();
  receiver = await startReceiver();
  // The receiver is on loopback: allowed here the way a restaurant allows its POS on the LAN.
  server = await startServer(fx.db, { jobs: false, webhookAllowedNetworks: ['127.0.0.1/32'] });
  guest = connect(server);
  managerToken = await fx.login(guest, 'manager@demo.test');
  manager = connect(server, managerToken);
});
afterAll(async () => {
  await closeAll();
  await receiver.close();
});

/** Runs the outbox until nothing is due, making every backoff due at once. */
async function drain(rounds = 10) {
  for (let i = 0; i < rounds; i += 1) {
    await fx.db.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(and(eq(outbox.channel, 'webhook'), eq(outbox.status, 'pending')));
    await server.app.jobs.runOnce();
  }
}

describe('outgoing webhooks', () => {
  test('an endpoint failing three times then succeeding gets the event once, validly signed', async () => {
    const endpoint = await manager.trpc.webhook.create.mutate({
      url: receiver.url,
      eventTypes: ['order.placed', 'ticket.bumped'],
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await manager.trpc.webhook.list.query();
    expect(listed).toEqual([expect.objectContaining({ id: endpoint.id, url: receiver.url })]);
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);

    receiver.plan = [500, 503, 502];
    const order = await guest.trpc.order.place.mutate(fx.order());
    await drain();

    expect(receiver.requests.map((r) => r.status)).toEqual([500, 503, 502, 200]);
    const ids = new Set(receiver.requests.map((r) => r.headers['kds-event-id']));
    expect(ids.size).toBe(1); // the same event, retried: receivers can dedupe on the id
    const delivered = receiver.requests.at(-1);
    const body = JSON.parse(delivered?.body ?? '{}') as WebhookBody;
    expect(body).toMatchObject({ type: 'order.placed', orderId: order.orderId });
    expect(
      verifyWebhookSignature(
        endpoint.secret,
        String(delivered?.headers['kds-signature']),
        delivered?.body ?? '',
        new Date(),
      ),
    ).toBe(true);
    // Tampered body or wrong secret: the integrator's check refuses it.
    const signature = String(delivered?.headers['kds-signature']);
    expect(
      verifyWebhookSignature(endpoint.secret, signature, `${delivered?.body} `, new Date()),
    ).toBe(false);
    expect(
      verifyWebhookSignature('whsec_wrong', signature, delivered?.body ?? '', new Date()),
    ).toBe(false);
    const [row] = await fx.db.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orderId, order.orderId), eq(outbox.channel, 'webhook')));
    expect(row).toMatchObject({ status: 'sent', attempts: 4 });

    await drain(2);
    expect(receiver.requests).toHaveLength(4);
    await manager.trpc.webhook.remove.mutate({ endpointId: endpoint.id });
  });

  test('only the event types asked for are sent', async () => {
    const endpoint = await manager.trpc.webhook.create.mutate({
      url: receiver.url,
      eventTypes: ['order.completed'],
    });
    const before = receiver.requests.length;
    await guest.trpc.order.place.mutate(fx.order());
    await drain(1);
    expect(receiver.requests.length).toBe(before);
    await manager.trpc.webhook.remove.mutate({ endpointId: endpoint.id });
  });

  test('a hanging endpoint never holds up the kitchen', async () => {
    const endpoint = await manager.trpc.webhook.create.mutate({
      url: receiver.url,
      eventTypes: ['*'],
    });
    receiver.plan = ['hang'];
    const cook = connect(server, managerToken);
    const screen = subscribeKitchen(cook);
    await expect.poll(() => screen.received.started).toBe(true);
    await guest.trpc.order.place.mutate(fx.order());
    let finished = false;
    const outboxRun = server.app.jobs.runOnce().then(() => (finished = true));
    await expect.poll(() => receiver.hanging).toBe(1); // the worker is stuck on the endpoint

    const order = await guest.trpc.order.place.mutate(fx.order());
    await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
    await expect
      .poll(() =>
        screen.received.data.filter((e) => e.orderId === order.orderId).map((e) => e.type),
      )
      .toEqual(expect.arrayContaining(['order.placed', 'ticket.bumped']));
    expect(finished).toBe(false);

    receiver.release();
    await outboxRun;
    screen.unsubscribe();
    cook.close();
    await manager.trpc.webhook.remove.mutate({ endpointId: endpoint.id });
  });

  test('only managers of the store manage its endpoints; bad URLs are refused', async () => {
    const cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
    await expect(
      cook.trpc.webhook.create.mutate({ url: receiver.url, eventTypes: ['*'] }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    cook.close();
    await expect(
      manager.trpc.webhook.create.mutate({ url: 'ftp://example.test/x', eventTypes: ['*'] }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    await expect(
      manager.trpc.webhook.create.mutate({
        url: receiver.url,
        eventTypes: ['order.eaten' as never],
      }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });

    const rival = await createRivalStore(fx.db.db);
    const rivalManager = connect(server, await fx.login(guest, rival.email));
    const ours = await manager.trpc.webhook.create.mutate({ url: receiver.url, eventTypes: ['*'] });
    await expect(
      rivalManager.trpc.webhook.remove.mutate({ endpointId: ours.id }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    expect(await rivalManager.trpc.webhook.list.query()).toEqual([]);
    rivalManager.close();
    await manager.trpc.webhook.remove.mutate({ endpointId: ours.id });
  });

  test('an endpoint failing longer than the store allows alerts its managers once per incident, and the dashboard names it', async () => {
    const endpoint = await manager.trpc.webhook.create.mutate({
      url: receiver.url,
      eventTypes: ['order.placed'],
    });
    const alerts = async () =>
      (
        await fx.db.db
          .select({ recipient: outbox.recipient })
          .from(outbox)
          .where(eq(outbox.template, 'email.webhook_failing'))
      ).map((m) => m.recipient);
    const backdate = () =>
      fx.db.db
        .update(webhookEndpoints)
        .set({ failingSince: new Date(Date.now() - 20 * 60_000) })
        .where(eq(webhookEndpoints.id, endpoint.id));

    receiver.plan = Array<number>(6).fill(500);
    await guest.trpc.order.place.mutate(fx.order());
    await drain(1);
    const failing = (await manager.trpc.store.dashboard.query()).alerts.failingWebhooks;
    expect(failing).toEqual([
      expect.objectContaining({ url: receiver.url, lastError: 'answered 500' }),
    ]);
    expect(await alerts()).toEqual([]); // not yet: 15 minutes by default

    await backdate();
    await drain(2);
    expect((await alerts()).sort()).toEqual(['manager@demo.test', 'owner@demo.test']);
    await drain(2);
    expect(await alerts()).toHaveLength(2); // once per incident, however long it lasts

    receiver.plan = [];
    await drain(2);
    expect((await manager.trpc.store.dashboard.query()).alerts.failingWebhooks).toEqual([]);

    // It fails again later: a new incident, a new alert.
    receiver.plan = Array<number>(4).fill(503);
    await guest.trpc.order.place.mutate(fx.order());
    await drain(1);
    await backdate();
    await drain(1);
    expect(await alerts()).toHaveLength(4);
    receiver.plan = [];
    await drain(3);
    await manager.trpc.webhook.remove.mutate({ endpointId: endpoint.id });
  });
});
