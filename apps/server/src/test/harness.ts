import { randomUUID } from 'node:crypto';
import type { AppRouter } from '@kds/api';
import { hashPassword } from '@kds/api';
import { MAX_BATCH, NEVER_BATCHED } from '@kds/api/client';
import {
  defaultStoreSettings,
  menuItems,
  modifierGroups,
  modifiers,
  seedDemo,
  staff,
  staffMemberships,
  stations,
  stores,
  type DbHandle,
} from '@kds/db';
import { createTestDb, type TestDb } from '@kds/db/testing';
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  splitLink,
  wsLink,
  type TRPCClient,
} from '@trpc/client';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { buildApp, type AppOptions } from '../app.ts';

/** What this test file opened through the harness, to close after its tests. */
const opened: (() => Promise<void> | void)[] = [];

/** Runs `close` once, however many times it is called (a test may close early). */
function once(close: () => Promise<void> | void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= Promise.resolve().then(close));
}

/**
 * Closes every client, server and fixture database this file opened through the harness,
 * newest first: `afterAll(closeAll)`. Closing one earlier in a test is harmless.
 */
export async function closeAll(): Promise<void> {
  for (const close of opened.splice(0).reverse()) await close();
}

export interface Server {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The real app on a free port. */
export async function startServer(
  handle: DbHandle,
  options: Partial<
    Pick<
      AppOptions,
      | 'eventPollMs'
      | 'stripe'
      | 'jobs'
      | 'sms'
      | 'calls'
      | 'mail'
      | 'twilioAuthToken'
      | 'now'
      | 'corsOrigins'
      | 'revalidateMs'
      | 'metricsToken'
      | 'ordersPerMinute'
      | 'wsMaxBufferedBytes'
      | 'keepAlive'
      | 'trustProxy'
      | 'wsMaxConnectionsPerAddress'
      | 'logger'
      | 'webhookAllowedNetworks'
      | 'production'
      | 'subscriptionsPerPrincipal'
      | 'geocoder'
      | 'replica'
    >
  > = {},
): Promise<Server> {
  const app = await buildApp({
    handle,
    keepAlive: { pingMs: 1_000, pongWaitMs: 1_000 },
    // Tests place many orders from one address; the limit has its own test.
    ordersPerMinute: 10_000,
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const close = once(() => app.close());
  opened.push(close);
  return { app, url: `127.0.0.1:${address.port}`, close };
}

export interface Client {
  trpc: TRPCClient<AppRouter>;
  ws: ReturnType<typeof createWSClient>;
  close(): void;
}

/** The real tRPC client: WebSocket for subscriptions, HTTP batching for the rest. */
export function connect(server: Server | string, token?: string, retryDelayMs = 200): Client {
  const url = typeof server === 'string' ? server : server.url;
  const ws = createWSClient({
    url: `ws://${url}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: token ? { token } : {},
    retryDelayMs: () => retryDelayMs,
  });
  const headers = () => (token ? { authorization: `Bearer ${token}` } : {});
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        // As the apps do: calls that try a secret go alone (the server refuses them batched).
        false: splitLink({
          condition: (op) => NEVER_BATCHED.has(op.path),
          true: httpLink({ url: `http://${url}/trpc`, headers }),
          false: httpBatchLink({ url: `http://${url}/trpc`, headers, maxItems: MAX_BATCH }),
        }),
      }),
    ],
  });
  const close = once(() => void ws.close());
  opened.push(close);
  return { trpc, ws, close: () => void close() };
}

export interface Fixture {
  db: TestDb;
  storeId: string;
  /** A valid pay-at-counter order for the demo store. */
  order(
    overrides?: Record<string, unknown>,
  ): Parameters<TRPCClient<AppRouter>['order']['place']['mutate']>[0];
  login(client: Client, email: string): Promise<string>;
}

/** A fresh database with the demo store seeded. */
export async function createFixture(db?: TestDb): Promise<Fixture> {
  const handle = db ?? (await createTestDb());
  if (!db) {
    // Created here, closed by `closeAll` (or earlier by the test, once).
    handle.close = once(handle.close.bind(handle));
    opened.push(handle.close);
  }
  await seedDemo(handle.db, { hashPassword });
  const [store] = await handle.db.select().from(stores).where(eq(stores.slug, 'demo'));
  if (!store) throw new Error('demo store missing');
  const [lemonade] = await handle.db.select().from(menuItems).where(eq(menuItems.name, 'Lemonade'));
  const [burger] = await handle.db
    .select()
    .from(menuItems)
    .where(eq(menuItems.name, 'Classic Burger'));
  const [medium] = await handle.db
    .select({ id: modifiers.id })
    .from(modifiers)
    .innerJoin(modifierGroups, eq(modifierGroups.id, modifiers.groupId))
    .where(eq(modifiers.name, 'Medium'));
  return {
    db: handle,
    storeId: store.id,
    order: (overrides = {}) => ({
      storeSlug: 'demo',
      items: [
        { menuItemId: burger?.id ?? '', quantity: 1, modifierIds: [medium?.id ?? ''] },
        { menuItemId: lemonade?.id ?? '', quantity: 2 },
      ],
      customer: { name: 'Grace' },
      fulfilment: { type: 'dine_in', table: '7' },
      payment: 'counter',
      idempotencyKey: randomUUID(),
      ...overrides,
    }),
    login: async (client, email) =>
      (await client.trpc.auth.login.mutate({ email, password: 'demo' })).token,
  };
}

export interface Received {
  ids: string[];
  data: { seq: number; type: string; orderId?: string | null }[];
  errors: unknown[];
  started: boolean;
}

/** Subscribes to kitchen.onEvent and records every tracked event. */
export function subscribeKitchen(
  client: Client,
  input: { lastEventId?: string; stationId?: string } = {},
) {
  const received: Received = { ids: [], data: [], errors: [], started: false };
  const sub = client.trpc.kitchen.onEvent.subscribe(input, {
    onStarted: () => (received.started = true),
    onData: (envelope) => {
      received.ids.push(envelope.id);
      received.data.push(envelope.data as Received['data'][number]);
    },
    onError: (error) => received.errors.push(error),
  });
  return { received, unsubscribe: () => sub.unsubscribe() };
}

/** A second store with its own manager (password "demo"), to prove store scoping. */
export async function createRivalStore(db: DbHandle['db']) {
  const [store] = await db
    .insert(stores)
    .values({ slug: 'rival', name: 'Rival Grill', settings: defaultStoreSettings })
    .returning();
  if (!store) throw new Error('store insert failed');
  const [station] = await db
    .insert(stations)
    .values({ storeId: store.id, name: 'Line' })
    .returning();
  const [manager] = await db
    .insert(staff)
    .values({
      email: 'boss@rival.test',
      name: 'Rival Boss',
      passwordHash: await hashPassword('demo'),
    })
    .returning();
  if (!manager || !station) throw new Error('rival insert failed');
  await db
    .insert(staffMemberships)
    .values({ staffId: manager.id, storeId: store.id, role: 'manager' });
  return { storeId: store.id, stationId: station.id, email: 'boss@rival.test' };
}
