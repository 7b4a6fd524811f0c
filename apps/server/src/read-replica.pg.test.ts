// Runs only with TEST_DATABASE_URL (see vitest.config.ts): a streaming replica needs PostgreSQL.
import { executeRows, openReplica, type ReadReplica } from '@kds/db';
import { createTestDb } from '@kds/db/testing';
import { startStreamingReplica, type StreamingReplica } from '@kds/db/testing/streaming-replica';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  connect,
  createFixture,
  startServer,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';

let fx: Fixture;
let replica: StreamingReplica;
let replicaHandle: ReadReplica;
let onReplica: postgres.Sql;
/** Reads the replica unless it is more than an hour behind. */
let patient: Server;
/** Reads the replica only when it has applied everything it received. */
let strict: Server;
let guest: Client;
let managerToken: string;

beforeAll(async () => {
  fx = await createFixture(await createTestDb());
  if (!fx.db.url) throw new Error('this suite needs TEST_DATABASE_URL');
  replica = await startStreamingReplica(fx.db.url);
  const replicaUrl = replica.urlOf(fx.db.url);
  replicaHandle = openReplica({ url: replicaUrl, maxConnections: 2 });
  onReplica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
  patient = await startServer(fx.db, {
    jobs: false,
    replica: { handle: replicaHandle, maxLagSeconds: 3600 },
  });
  strict = await startServer(fx.db, {
    jobs: false,
    replica: { handle: replicaHandle, maxLagSeconds: 0 },
  });
  guest = connect(patient);
  managerToken = await fx.login(guest, 'manager@demo.test');
}, 120_000);
afterAll(async () => {
  await closeAll();
  await onReplica.end();
  await replicaHandle.close();
  await replica.stop();
  await fx.db.close();
});

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const range = { from: day(-1), to: day(1) };

async function placeOrders(count: number) {
  for (let i = 0; i < count; i++) await guest.trpc.order.place.mutate(fx.order());
}
const ordersOnReplica = async () =>
  Number((await onReplica`select count(*)::int as n from orders`)[0]?.n);
const reportOrders = async (server: Server) =>
  (await connect(server, managerToken).trpc.report.summary.query(range)).orders;
async function csvOrders(server: Server) {
  const response = await fetch(
    `http://${server.url}/exports/orders.csv?from=${range.from}&to=${range.to}`,
    { headers: { authorization: `Bearer ${managerToken}` } },
  );
  expect(response.status).toBe(200);
  return (await response.text()).trim().split('\n').length - 1;
}

describe('reports and exports on a streaming replica', () => {
  test('read from the replica while it is within the bound, from the primary beyond it', async () => {
    await placeOrders(2);
    await vi.waitFor(async () => expect(await ordersOnReplica()).toBe(2), { timeout: 20_000 });
    expect(await replicaHandle.lagSeconds()).toBe(0);

    // The replica keeps receiving but stops applying: it falls behind the primary.
    await replica.pauseReplay();
    await vi.waitFor(async () =>
      expect((await onReplica`select pg_get_wal_replay_pause_state() as s`)[0]?.s).toBe('paused'),
    );
    await placeOrders(1);
    const [{ lsn } = { lsn: '' }] = await executeRows<{ lsn: string }>(
      fx.db.db,
      sql`select pg_current_wal_lsn()::text as lsn`,
    );
    await vi.waitFor(
      async () =>
        expect(
          (await onReplica`select pg_last_wal_receive_lsn() >= ${lsn}::pg_lsn as received`)[0]
            ?.received,
        ).toBe(true),
      { timeout: 20_000 },
    );
    expect(await replicaHandle.lagSeconds()).toBeGreaterThan(0);

    // Within the hour's bound: the replica's figures, without the order it has not applied.
    expect(await reportOrders(patient)).toBe(2);
    expect(await csvOrders(patient)).toBe(2);
    // Behind a bound of none: the primary's, with it.
    expect(await reportOrders(strict)).toBe(3);
    expect(await csvOrders(strict)).toBe(3);

    // Caught up again: the replica has it too.
    await replica.resumeReplay();
    await vi.waitFor(async () => expect(await ordersOnReplica()).toBe(3), { timeout: 20_000 });
    expect(await reportOrders(patient)).toBe(3);
    expect(await csvOrders(patient)).toBe(3);
  });

  test('a replica that does not answer is not read: reports and exports read the primary', async () => {
    await replica.stop();
    await expect(replicaHandle.lagSeconds()).rejects.toThrow();
    await placeOrders(1);
    expect(await reportOrders(patient)).toBe(4);
    expect(await csvOrders(patient)).toBe(4);
  });
});
