import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { executeRows, type Transaction } from './client.ts';
import {
  actForStore,
  menuCategories,
  seedStore,
  stations,
  stores,
  type Database,
} from './index.ts';
import { createTestDb, type TestDb } from './testing/index.ts';

let handle: TestDb;
let db: Database;
let here: string;
let there: string;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  const hashPassword = async (p: string) => `plain:${p}`;
  const person = (email: string) => [{ email, name: 'Cook', role: 'kitchen' as const }];
  await seedStore(db, { hashPassword, slug: 'here', name: 'Here', staff: person('a@here.test') });
  await seedStore(db, {
    hashPassword,
    slug: 'there',
    name: 'There',
    staff: person('b@there.test'),
  });
  const ids = await db.select({ id: stores.id, slug: stores.slug }).from(stores);
  here = ids.find((s) => s.slug === 'here')?.id ?? '';
  there = ids.find((s) => s.slug === 'there')?.id ?? '';
});
afterAll(() => handle.close());

/** A transaction as the server works in it: role `kds_app`, acting for `storeId` (or none). */
function asServer<T>(storeId: string | null, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role kds_app`);
    if (storeId) await tx.execute(sql`select set_config('kds.store_id', ${storeId}, true)`);
    return fn(tx);
  });
}

/** What the database answered a write with: null when it took it. */
const refusal = (write: () => Promise<unknown>) =>
  write().then(
    () => null,
    (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
  );

describe('row-level security per store', () => {
  test("the server's handle works as kds_app from its first statement", async () => {
    const [who] = await executeRows<{ role: string }>(handle.app, sql`select current_user as role`);
    expect(who?.role).toBe('kds_app');
    // Outside a transaction that states a store, no store's rows.
    expect(await handle.app.select().from(stations)).toEqual([]);
    const rows = await handle.app.transaction(async (tx) => {
      await tx.execute(actForStore(here));
      return tx.select().from(stations);
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.storeId === here)).toBe(true);
    // The owner's handle, which migrates and seeds, is not restricted.
    const [owner] = await executeRows<{ role: string }>(db, sql`select current_user as role`);
    expect(owner?.role).not.toBe('kds_app');
  });

  test('every table with a store_id column has row-level security and the store policy', async () => {
    const rows = await executeRows<{ table: string; rls: boolean; policies: string[] | null }>(
      db,
      sql`select c.relname as "table", c.relrowsecurity as rls,
            (select array_agg(p.policyname::text) from pg_policies p
              where p.schemaname = 'public' and p.tablename = c.relname) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and (c.relname = 'stores' or exists (
              select from information_schema.columns col
              where col.table_schema = 'public' and col.table_name = c.relname
                and col.column_name = 'store_id'))`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const unprotected = rows.filter((r) => !r.rls || !r.policies?.includes('store_isolation'));
    expect(unprotected.map((r) => r.table)).toEqual([]);
  });

  test('a query that forgets its store filter still reads only the stated store', async () => {
    const names = await asServer(here, (tx) => tx.select({ name: stores.name }).from(stores));
    expect(names).toEqual([{ name: 'Here' }]);
    const seen = await asServer(here, (tx) =>
      tx.selectDistinct({ storeId: stations.storeId }).from(stations),
    );
    expect(seen).toEqual([{ storeId: here }]);
  });

  test('a transaction that states no store reads nothing at all', async () => {
    const rows = await asServer(null, (tx) => tx.select().from(stations));
    expect(rows).toEqual([]);
    // Once a transaction that stated one has ended, its connection reads '' for the setting.
    await asServer(here, async () => {});
    expect(await asServer(null, (tx) => tx.select().from(menuCategories))).toEqual([]);
  });

  test("another store's rows can be neither written, nor changed, nor moved into", async () => {
    const insert = await refusal(() =>
      asServer(here, (tx) =>
        tx.insert(stations).values({ storeId: there, name: 'Smuggled', kind: 'prep' }),
      ),
    );
    expect(insert).toContain('row-level security');
    const changed = await asServer(here, (tx) =>
      tx.update(stations).set({ name: 'Renamed' }).where(eq(stations.storeId, there)).returning(),
    );
    expect(changed).toEqual([]);
    const moved = await refusal(() =>
      asServer(here, (tx) => tx.update(stations).set({ storeId: there }).returning()),
    );
    expect(moved).toContain('row-level security');
    const theirs = await db.select().from(stations).where(eq(stations.storeId, there));
    expect(theirs.map((s) => s.name).sort()).toEqual(['Cold', 'Expo', 'Fry', 'Grill']);
  });

  test('the owner, which migrates and backs up, is not subject to the policies', async () => {
    const all = await db.selectDistinct({ storeId: stations.storeId }).from(stations);
    expect(all).toHaveLength(2);
  });

  test("the database's reads for the server are kds_app's alone, and one store's log is that store's", async () => {
    const fns = await executeRows<{ name: string; acl: string[] }>(
      db,
      sql`select p.proname as name, coalesce(p.proacl::text[], '{}') as acl
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proname like 'kds\_%'`,
    );
    expect(fns.map((f) => f.name).sort()).toEqual([
      'kds_messages_sent_since',
      'kds_store_events',
      'kds_store_id_at',
    ]);
    for (const fn of fns) {
      expect(fn.acl.some((entry) => entry.startsWith('kds_app=X'))).toBe(true);
      expect(fn.acl.some((entry) => entry.startsWith('=X'))).toBe(false); // not PUBLIC
    }
    for (const store of [here, there]) {
      await db.execute(
        sql`with s as (update stores set event_seq = event_seq + 1 where id = ${store} returning event_seq)
            insert into order_events (store_id, seq, type, actor_kind, payload)
            select ${store}, event_seq, 'store.test', 'system', '{}'::jsonb from s`,
      );
    }
    const read = await executeRows<{ store_id: string }>(
      handle.app,
      sql`select store_id from kds_store_events(${here}::uuid, 0, null, 100)`,
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((r) => r.store_id === here)).toBe(true);
  });
});
