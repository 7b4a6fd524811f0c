import type { AppRouter } from '@kds/api';
import { auditLog, orders } from '@kds/db';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { inferRouterOutputs } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
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

let fx: Fixture;
let server: Server;
let guest: Client;
let manager: Client;
let base: string;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db, { jobs: false });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
  base = `http://${server.url}/api/v1`;
});
afterAll(closeAll);

type Scope = 'menu:read' | 'orders:read' | 'orders:write' | 'webhooks:manage';
const newKey = async (scopes: Scope[], name = 'Till') =>
  manager.trpc.apiKey.create.mutate({ name, scopes });

type Out = inferRouterOutputs<AppRouter>['integration'];
/** What a refused call answers (trpc-to-openapi's error body, with our error data). */
interface Refusal {
  message?: string;
  issues?: { message: string }[];
  data?: { details: { problems: { code: string }[] } | null };
}

async function rest<T = unknown>(key: string | null, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T & Refusal };
}

/** An order as a POS sends it: the staff entry's shape, without a store. */
function posOrder(overrides: Record<string, unknown> = {}) {
  const { storeSlug: _slug, payment: _payment, ...order } = fx.order();
  return { ...order, payment: 'counter', ...overrides };
}

describe('API keys', () => {
  test('a manager creates a key, sees it listed by its prefix only, and the creation is audited', async () => {
    const created = await newKey(['menu:read'], 'Listing');
    expect(created.key).toMatch(/^kds_k_[\w-]{43}$/);
    const listed = await manager.trpc.apiKey.list.query();
    const row = listed.find((k) => k.id === created.id);
    expect(row).toMatchObject({
      name: 'Listing',
      prefix: created.key.slice(0, 12),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const audit = await fx.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'api_key.created')));
    expect(audit).toHaveLength(1);
  });

  test('cooks and paired screens cannot see or make keys', async () => {
    const cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
    await expect(cook.trpc.apiKey.list.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(
      guest.trpc.apiKey.create.mutate({ name: 'x', scopes: ['menu:read'] }),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    cook.close();
  });

  test('a revoked key is refused on its next call', async () => {
    const { id, key } = await newKey(['menu:read']);
    expect((await rest<Out['menu']>(key, 'GET', '/menu')).status).toBe(200);
    await manager.trpc.apiKey.revoke.mutate({ apiKeyId: id });
    const refused = await rest<Out['menu']>(key, 'GET', '/menu');
    expect(refused.status).toBe(401);
    const [row] = (await manager.trpc.apiKey.list.query()).filter((k) => k.id === id);
    expect(row?.revokedAt).not.toBeNull();
    expect(row?.lastUsedAt).not.toBeNull();
  });
});

describe('REST: /api/v1', () => {
  test('the menu, with the key of its store', async () => {
    const { key } = await newKey(['menu:read']);
    const menu = await rest<Out['menu']>(key, 'GET', '/menu');
    expect(menu.status).toBe(200);
    expect(menu.body.store).toMatchObject({ slug: 'demo', currency: 'USD' });
    const items = menu.body.categories.flatMap((c) => c.items);
    expect(items.map((i) => i.name)).toContain('Classic Burger');
    // Costs and stations never leave: the output schema lists what an integration sees.
    expect(JSON.stringify(menu.body)).not.toMatch(/costCents|stationId/);
  });

  test('no key is 401; a staff session token is 403; a key without the scope is 403', async () => {
    expect((await rest(null, 'GET', '/menu')).status).toBe(401);
    const staffToken = await fx.login(guest, 'manager@demo.test');
    expect((await rest(staffToken, 'GET', '/menu')).status).toBe(403);
    const { key } = await newKey(['orders:read']);
    const refused = await rest<Out['menu']>(key, 'GET', '/menu');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('this API key does not have the menu:read scope');
  });

  test('a POS order reaches the kitchen once, with source api, and its status can be read', async () => {
    const { key } = await newKey(['orders:write', 'orders:read']);
    const kitchen = subscribeKitchen(manager);
    await expect.poll(() => kitchen.received.started).toBe(true);
    const order = posOrder();
    const placed = await rest<Out['placeOrder']>(key, 'POST', '/orders', order);
    expect(placed.status).toBe(200);
    expect(placed.body.order).toMatchObject({ status: 'PLACED', source: 'api', currency: 'USD' });
    expect(placed.body.payUrl).toBeNull();
    // The same idempotency key again: the same order, not a second one.
    const again = await rest<Out['placeOrder']>(key, 'POST', '/orders', order);
    expect(again.body.order.id).toBe(placed.body.order.id);
    await expect
      .poll(() => kitchen.received.data.filter((e) => e.orderId === placed.body.order.id).length)
      .toBe(1);
    kitchen.unsubscribe();

    const read = await rest<Out['order']>(key, 'GET', `/orders/${placed.body.order.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: placed.body.order.id, status: 'PLACED' });
    expect(JSON.stringify(read.body)).not.toMatch(/pickupCode|costCents|idempotencyKey/);
    const audit = await fx.db.db.select().from(orders).where(eq(orders.id, placed.body.order.id));
    expect(audit[0]?.source).toBe('api');
    // The order's story names the key that placed it.
    const { timeline } = await manager.trpc.order.detail.query({ orderId: placed.body.order.id });
    expect(timeline.find((t) => t.kind === 'event')?.who).toBe('API key "Till"');
  });

  test('orders changed after a moment, a page at a time, oldest change first', async () => {
    const { key } = await newKey(['orders:write', 'orders:read']);
    const since = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await rest<Out['placeOrder']>(key, 'POST', '/orders', posOrder())).body.order.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({
        updatedAfter: since,
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      const page: { status: number; body: Out['orders'] } = await rest<Out['orders']>(
        key,
        'GET',
        `/orders?${query}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.orders.map((o) => o.id));
      cursor = page.body.next;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    // A status filter, once or repeated in the query string.
    for (const query of ['status=PLACED', 'status=READY&status=PLACED', 'status=COMPLETED']) {
      const filtered = await rest<Out['orders']>(key, 'GET', `/orders?${query}&limit=100`);
      expect(filtered.status).toBe(200);
      const wanted = new URLSearchParams(query).getAll('status');
      expect(filtered.body.orders.every((o) => wanted.includes(o.status))).toBe(true);
      expect(filtered.body.orders.some((o) => ids.includes(o.id))).toBe(wanted.includes('PLACED'));
    }
    const bad = await rest(key, 'GET', '/orders?cursor=nonsense');
    expect(bad.status).toBe(422);
  });

  test('a refused order says why, and nothing is placed', async () => {
    const { key } = await newKey(['orders:write']);
    const before = await fx.db.db.select().from(orders);
    const empty = await rest<Out['placeOrder']>(key, 'POST', '/orders', posOrder({ items: [] }));
    expect(empty.status).toBe(400);
    expect(empty.body.issues?.[0]?.message).toBe('the cart is empty');
    const unknown = await rest<Out['placeOrder']>(
      key,
      'POST',
      '/orders',
      posOrder({ items: [{ menuItemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.data?.details?.problems[0]?.code).toBe('ITEM_NOT_FOUND');
    // Strings are not read as numbers or booleans in a JSON body ("false" is not true).
    const { customer } = posOrder();
    const loose = await rest<Out['placeOrder']>(
      key,
      'POST',
      '/orders',
      posOrder({ customer: { ...customer, smsConsent: 'false' } }),
    );
    expect(loose.status).toBe(400);
    // Nor do the REST routes loosen the procedures they share schemas with (order.enter).
    const { storeSlug: _s, payment: _p, ...entry } = fx.order();
    await expect(
      manager.trpc.order.enter.mutate({ ...entry, payment: 'counter', tipCents: '5' as never }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    expect(await fx.db.db.select().from(orders)).toHaveLength(before.length);
  });

  test("another store's order is not found, and its key cannot reach this store", async () => {
    const rival = await createRivalStore(fx.db.db);
    const rivalManager = connect(server, await fx.login(guest, rival.email));
    const { key: rivalKey } = await rivalManager.trpc.apiKey.create.mutate({
      name: 'Rival till',
      scopes: ['orders:read', 'menu:read'],
    });
    const { key } = await newKey(['orders:write']);
    const ours = (await rest<Out['placeOrder']>(key, 'POST', '/orders', posOrder())).body.order
      .id as string;
    expect((await rest(rivalKey, 'GET', `/orders/${ours}`)).status).toBe(404);
    const listed = await rest<Out['orders']>(rivalKey, 'GET', '/orders');
    expect(listed.body.orders.map((o) => o.id)).not.toContain(ours);
    expect((await rest<Out['menu']>(rivalKey, 'GET', '/menu')).body.store.slug).toBe('rival');
    // And a manager of the rival store cannot revoke this store's keys.
    const { id } = await newKey(['menu:read']);
    await expect(rivalManager.trpc.apiKey.revoke.mutate({ apiKeyId: id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    rivalManager.close();
  });

  test('keys cannot work the kitchen or the console over tRPC', async () => {
    const { key } = await newKey(['menu:read', 'orders:read', 'orders:write', 'webhooks:manage']);
    const integration = connect(server, key);
    await expect(integration.trpc.kitchen.config.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(integration.trpc.order.list.query({})).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    await expect(integration.trpc.apiKey.list.query()).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    // The same procedures answer over tRPC for a TypeScript integration.
    expect((await integration.trpc.integration.menu.query()).store.slug).toBe('demo');
    integration.close();
  });

  test('webhooks: an integration adds, lists and removes its endpoints', async () => {
    const { key } = await newKey(['webhooks:manage'], 'Hooks');
    const added = await rest<Out['addWebhook']>(key, 'POST', '/webhooks', {
      url: 'https://pos.example.test/kds',
      eventTypes: ['order.placed'],
    });
    expect(added.status).toBe(200);
    expect(added.body.secret).toMatch(/^whsec_/);
    const listed = await rest<Out['webhooks']>(key, 'GET', '/webhooks');
    expect(listed.body.webhooks.map((w) => w.id)).toContain(added.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(added.body.secret);
    expect((await rest(key, 'DELETE', `/webhooks/${added.body.id}`)).status).toBe(200);
    expect((await rest(key, 'DELETE', `/webhooks/${added.body.id}`)).status).toBe(404);
    const audit = await fx.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, added.body.id));
    expect(audit.map((a) => [a.action, a.apiKeyId !== null, a.staffId])).toEqual([
      ['webhook.created', true, null],
      ['webhook.removed', true, null],
    ]);
    // The owner's audit log names the key that did it.
    const owner = connect(server, await fx.login(guest, 'owner@demo.test'));
    const { entries } = await owner.trpc.staff.audit.query({ entity: 'webhook_endpoint' });
    expect(entries.find((e) => e.entityId === added.body.id)?.who).toBe('API key Hooks');
    owner.close();
  });

  test('the OpenAPI document lists every route, and the docs page is served', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    // A document any generator accepts: valid against the OpenAPI schema of its version.
    const validity = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(validity.errors ?? []).toEqual([]);
    expect(validity.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/menu',
      '/orders',
      '/orders/{orderId}',
      '/webhooks',
      '/webhooks/{webhookId}',
    ]);
    expect(Object.keys(doc.paths['/orders'] ?? {}).sort()).toEqual(['get', 'post']);
    const docs = await fetch(`http://${server.url}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
