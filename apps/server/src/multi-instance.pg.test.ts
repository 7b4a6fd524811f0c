// Runs only with TEST_DATABASE_URL (see vitest.config.ts): several instances need PostgreSQL.
import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle } from '@kds/db';
import { createTestDb } from '@kds/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
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

let fx: Fixture;
let roleB: string;
let handleB: DbHandle;
let serverA: Server;
let serverB: Server;
let customerA: Client;
let kitchenB: Client;

beforeAll(async () => {
  fx = await createFixture(await createTestDb({ applicationName: 'kds-a' }));
  if (!fx.db.url) throw new Error('this suite needs TEST_DATABASE_URL');
  // B logs in as its own role, so the test can keep B (and only B) from reconnecting.
  roleB = `kds_b_${randomBytes(4).toString('hex')}`;
  await fx.db.db.execute(sql.raw(`create role ${roleB} login password 'b' in role current_user`));
  const urlB = new URL(fx.db.url);
  urlB.username = roleB;
  urlB.password = 'b';
  handleB = await createDb({ driver: 'postgres', url: urlB.toString(), applicationName: 'kds-b' });
  // No safety poll: only NOTIFY and the catch-up on LISTEN reconnect may deliver to B.
  serverA = await startServer(fx.db, { eventPollMs: 0 });
  serverB = await startServer(handleB, { eventPollMs: 0 });
  customerA = connect(serverA);
  kitchenB = connect(serverB, await fx.login(customerA, 'kitchen@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await handleB.close();
  await fx.db.db.execute(sql.raw(`drop role if exists ${roleB}`)).catch(() => {});
  await fx.db.close();
});

async function listenersOf(role: string): Promise<number> {
  const rows = await fx.db.db.execute(
    sql`select count(*)::int as n from pg_stat_activity where usename = ${role} and query ilike 'listen%'`,
  );
  return Number((rows as unknown as { n: number }[])[0]?.n ?? 0);
}

const isSequential = (ids: string[]) =>
  ids.every((id, i) => i === 0 || Number(id) === Number(ids[i - 1]) + 1);

describe('two instances on one PostgreSQL', () => {
  test('an order placed through instance A reaches a kitchen subscriber on instance B', async () => {
    const { cursor } = await kitchenB.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchenB, { lastEventId: cursor });
    await vi.waitFor(() => expect(received.started).toBe(true));
    const order = await customerA.trpc.order.place.mutate(fx.order());
    await vi.waitFor(() => expect(received.data).toHaveLength(1));
    expect(received.data[0]).toMatchObject({ type: 'order.placed', orderId: order.orderId });
    unsubscribe();
  });

  test("events committed while B's LISTEN connection is down still reach B, none lost", async () => {
    const { cursor } = await kitchenB.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchenB, { lastEventId: cursor });
    await customerA.trpc.order.place.mutate(fx.order());
    await vi.waitFor(() => expect(received.data).toHaveLength(1));

    const [pid] = await handleB.listenBackendPids();
    expect(pid).toBeDefined();
    // An outage of B's LISTEN connection that lasts: B cannot log in again until allowed.
    await fx.db.db.execute(sql.raw(`alter role ${roleB} nologin`));
    await fx.db.db.execute(sql`select pg_terminate_backend(${pid})`);
    await vi.waitFor(async () => expect(await listenersOf(roleB)).toBe(0));
    const placed = [];
    for (let i = 0; i < 20; i++) placed.push(await customerA.trpc.order.place.mutate(fx.order()));
    // Their NOTIFYs went nowhere; nothing is committed after this point.
    expect(received.data).toHaveLength(1);
    await fx.db.db.execute(sql.raw(`alter role ${roleB} login`));

    await vi.waitFor(() => expect(received.data).toHaveLength(21), { timeout: 15_000 });
    expect(received.data.slice(1).map((e) => e.orderId)).toEqual(placed.map((o) => o.orderId));
    expect(isSequential(received.ids)).toBe(true);
    // B listens again on a new connection.
    await vi.waitFor(async () => {
      const pids = await handleB.listenBackendPids();
      expect(pids.length).toBe(1);
      expect(pids).not.toContain(pid);
    });
    unsubscribe();
  });
});
