import { orders, webhookEndpoints } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import WebSocket from 'ws';
import {
  createFixture,
  createRivalStore,
  startServer,
  type Fixture,
  type Server,
} from '../src/test/harness.ts';
import { dataOf, mutate, signIn } from './support.ts';

/**
 * The integration API as anyone on the internet meets it: /api/v1 over plain HTTP. The demo
 * store's manager makes keys; the attacker holds the rival store's key, a guessed one, or
 * only a manager's cookie riding on another site's page.
 */
let fx: Fixture;
let server: Server;
let manager: string;
let rivalKey: string;

beforeAll(async () => {
  fx = await createFixture();
  const rival = await createRivalStore(fx.db.db);
  server = await startServer(fx.db, { jobs: false });
  manager = await signIn(server, 'manager@demo.test');
  rivalKey = await makeKey(await signIn(server, rival.email), [
    'menu:read',
    'orders:read',
    'orders:write',
    'webhooks:manage',
  ]);
});
afterAll(async () => {
  await server.close();
  await fx.db.close();
});

async function makeKey(token: string, scopes: string[]): Promise<string> {
  const made = await mutate(server, 'apiKey.create', { name: 'attack', scopes }, { token });
  return dataOf<{ key: string }>(made).key;
}

async function rest(
  path: string,
  init: { key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`http://${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('attack: reaching a store without its key', () => {
  test('guessed, malformed, revoked and foreign tokens all get the same 401, and say nothing more', async () => {
    const made = await mutate(
      server,
      'apiKey.create',
      { name: 'soon revoked', scopes: ['menu:read'] },
      { token: manager },
    );
    const { id, key: revoked } = dataOf<{ id: string; key: string }>(made);
    await mutate(server, 'apiKey.revoke', { apiKeyId: id }, { token: manager });
    const answers = await Promise.all(
      [
        `kds_k_${'A'.repeat(43)}`,
        'kds_k_',
        `kds_k_${'x'.repeat(500)}`,
        revoked,
        'kds_d_notadevice',
        "' or 1=1 --",
      ].map((key) => rest('/menu', { key })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(401));
    expect(new Set(answers.map((a) => a.body.message)).size).toBe(1);
  });

  test("the rival store's key never sees or changes this store", async () => {
    const ours = dataOf<{ orderId: string }>(
      await mutate(server, 'order.place', fx.order({ payment: 'counter' })),
    ).orderId;
    expect((await rest(`/orders/${ours}`, { key: rivalKey })).status).toBe(404);
    const listed = await rest('/orders?limit=100', { key: rivalKey });
    expect(JSON.stringify(listed.body)).not.toContain(ours);
    // A body naming this store, an order id or prices is read as the rival's own order, priced
    // by the rival's menu: nothing in it chooses the store.
    const demoMenu = await rest('/menu', { key: await makeKey(manager, ['menu:read']) });
    const demoItem = (demoMenu.body.categories as { items: { id: string }[] }[])[0]?.items[0]?.id;
    const placed = await rest('/orders', {
      key: rivalKey,
      method: 'POST',
      body: {
        storeSlug: 'demo',
        storeId: fx.storeId,
        idempotencyKey: 'rival-0001',
        payment: 'counter',
        items: [{ menuItemId: demoItem, quantity: 1, priceCents: 1 }],
        fulfilment: { type: 'pickup' },
        customer: { name: 'Mallory' },
      },
    });
    expect(placed.status).toBe(422);
    const demoOrders = await fx.db.db.select().from(orders).where(eq(orders.storeId, fx.storeId));
    expect(demoOrders.map((o) => o.customerName)).not.toContain('Mallory');
  });

  test("another site's page with a manager's cookie cannot use the REST API (the cookie is not read)", async () => {
    const login = await fetch(`http://${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^kds_session=/);
    const before = await fx.db.db.select().from(webhookEndpoints);
    const forged = await rest('/webhooks', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      body: { url: 'https://evil.example/collect', eventTypes: ['*'] },
    });
    expect(forged.status).toBe(401);
    expect(await fx.db.db.select().from(webhookEndpoints)).toHaveLength(before.length);
  });
});

describe('attack: a revoked key keeps its socket open', () => {
  test('the socket is closed (4401) within seconds of the revocation', async () => {
    const made = await mutate(
      server,
      'apiKey.create',
      { name: 'socket', scopes: ['menu:read'] },
      { token: manager },
    );
    const { id, key } = dataOf<{ id: string; key: string }>(made);
    const socket = new WebSocket(`ws://${server.url}/trpc?connectionParams=1`);
    onTestFinished(() => socket.close());
    socket.on('error', () => {});
    // A live client: it answers the keep-alive, so only the revocation can close it.
    const answers: string[] = [];
    socket.on('message', (data) => {
      const text = String(data);
      if (text === 'PING') socket.send('PONG');
      else answers.push(text);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ method: 'connectionParams', data: { token: key } }));
    socket.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'integration.menu' } }));
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(JSON.parse(answers[0] ?? '')).toMatchObject({ id: 1, result: { type: 'data' } });
    await mutate(server, 'apiKey.revoke', { apiKeyId: id }, { token: manager });
    const code = await Promise.race([
      closed,
      new Promise((r) => setTimeout(() => r('open'), 5_000)),
    ]);
    expect(code).toBe(4401);
  });
});

describe('attack: a key used too hard', () => {
  test('past 600 calls a minute, the key is refused (429) and the next store is not slowed', async () => {
    const key = await makeKey(manager, ['webhooks:manage']);
    const statuses: number[] = [];
    for (let round = 0; round < 31; round++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => rest('/webhooks', { key })),
      );
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(600);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect((await rest('/menu', { key: rivalKey })).status).toBe(200);
  });

  test('odd paths and ids are refused as bad input, never reach the database as text', async () => {
    const key = await makeKey(manager, ['orders:read']);
    for (const id of ["1' or '1'='1", '..%2F..%2Fmenu', '%00', 'a'.repeat(5000)]) {
      const answer = await rest(`/orders/${id}`, { key });
      expect([400, 404, 414, 431]).toContain(answer.status);
    }
  });
});
