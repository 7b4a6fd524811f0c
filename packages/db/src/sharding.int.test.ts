// The schema against the plan for sharding by store on Citus (docs/scaling.md): every table
// has its place in the plan, and a store's table keeps `store_id` in its keys, so a shard holds
// whole stores. What the schema does not meet yet is listed here, exactly: a new table or key
// that breaks the rule fails this test, and one fixed must leave the list.
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { executeRows, type Queryable } from './client.ts';
import { createTestDb, type TestDb } from './testing/index.ts';

let handle: TestDb;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

/**
 * Where each table without a `store_id` goes. Every table with one is distributed by it,
 * co-located with `stores`, which is distributed by its `id`.
 */
const notByStore: Record<string, string> = {
  stores: 'distributed by id: the store is the tenant every other table is co-located with',
  staff: 'reference table: an account signs in to any of its stores',
  sms_opt_outs: 'reference table: a phone that said STOP says it to every store',
  setup_codes: 'reference table: first-run codes, written once per install',
  rate_limits: 'distributed by key, a group of its own: per-address counters, no store',
  webhook_events: 'distributed by event_id, a group of its own: provider events seen once',
};

/**
 * Keys of store tables without `store_id` today: each is a step of the migration in
 * docs/scaling.md ("What the schema must change first"). This list only shrinks.
 */
const notYetByStore = [
  'api_keys: primary key (id)',
  'api_keys: unique (token_hash)',
  'audit_log: foreign key (api_key_id) references api_keys',
  'audit_log: primary key (id)',
  'devices: foreign key (station_id) references stations',
  'devices: primary key (id)',
  'devices: unique (token_hash)',
  'discount_codes: primary key (id)',
  'discount_redemptions: foreign key (discount_code_id) references discount_codes',
  'discount_redemptions: foreign key (order_id) references orders',
  'discount_redemptions: primary key (id)',
  'discount_redemptions: unique (order_id)',
  'menu_categories: primary key (id)',
  'menu_items: foreign key (category_id) references menu_categories',
  'menu_items: foreign key (station_id) references stations',
  'menu_items: primary key (id)',
  'modifier_groups: foreign key (menu_item_id) references menu_items',
  'modifier_groups: primary key (id)',
  'modifiers: foreign key (group_id) references modifier_groups',
  'modifiers: primary key (id)',
  'order_events: foreign key (order_id) references orders',
  'order_items: foreign key (menu_item_id) references menu_items',
  'order_items: foreign key (order_id) references orders',
  'order_items: foreign key (station_id) references stations',
  'order_items: primary key (id)',
  'order_items: unique (order_id, position)',
  'orders: foreign key (discount_code_id) references discount_codes',
  'orders: primary key (id)',
  'orders: unique (tracking_token)',
  'outbox: foreign key (order_id) references orders',
  'outbox: primary key (id)',
  'payments: foreign key (order_id) references orders',
  'payments: primary key (id)',
  'payments: unique (provider, provider_ref)',
  'printers: primary key (id)',
  'report_schedules: primary key (id)',
  'sessions: primary key (id)',
  'sessions: unique (token_hash)',
  'staff_invitations: primary key (id)',
  'stations: foreign key (printer_id) references printers',
  'stations: primary key (id)',
  'store_slug_aliases: primary key (slug)',
  'ticket_times: foreign key (order_id) references orders',
  'webhook_endpoints: primary key (id)',
];

interface Key {
  table: string;
  kind: 'primary key' | 'unique' | 'foreign key';
  columns: string[];
  references: string | null;
}

async function storeTables(db: Queryable = handle.db): Promise<Set<string>> {
  const rows = await executeRows<{ table: string }>(
    db,
    sql`select table_name as "table" from information_schema.columns
        where table_schema = 'public' and column_name = 'store_id'`,
  );
  return new Set(rows.map((r) => r.table));
}

/** Primary keys, unique constraints and indexes, and foreign keys of the public tables. */
async function keys(db: Queryable): Promise<Key[]> {
  return executeRows<Key>(
    db,
    sql`select c.relname as "table",
          case con.contype when 'p' then 'primary key' when 'u' then 'unique' else 'foreign key' end as kind,
          array(select a.attname::text from unnest(con.conkey) with ordinality k(attnum, n)
                join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                order by k.n) as columns,
          (select r.relname::text from pg_class r where r.oid = con.confrelid) as "references"
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace ns on ns.oid = c.relnamespace
        where ns.nspname = 'public' and con.contype in ('p', 'u', 'f')
        union all
        select c.relname, 'unique',
          array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(attnum, n)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                order by k.n),
          null
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace ns on ns.oid = c.relnamespace
        where ns.nspname = 'public' and i.indisunique
          and not exists (select from pg_constraint con where con.conindid = i.indexrelid)`,
  );
}

/** Keys of store tables that lack `store_id`, as `notYetByStore` lists them. */
async function keysWithoutStore(db: Queryable): Promise<string[]> {
  const byStore = await storeTables(db);
  const missing = (await keys(db))
    .filter((k) => byStore.has(k.table) && !k.columns.includes('store_id'))
    // A key into a table that is not distributed by store (staff, stores) is allowed.
    .filter((k) => k.kind !== 'foreign key' || (k.references && byStore.has(k.references)))
    .map((k) =>
      k.kind === 'foreign key'
        ? `${k.table}: foreign key (${k.columns.join(', ')}) references ${k.references}`
        : `${k.table}: ${k.kind} (${k.columns.join(', ')})`,
    );
  return [...new Set(missing)].sort();
}

describe('sharding by store (Citus)', () => {
  test('every table is either a store table or has its place in the plan', async () => {
    const byStore = await storeTables();
    const tables = await executeRows<{ table: string }>(
      handle.db,
      sql`select c.relname as "table" from pg_class c
          join pg_namespace ns on ns.oid = c.relnamespace
          where ns.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    const unplaced = tables.map((t) => t.table).filter((t) => !byStore.has(t) && !notByStore[t]);
    expect(unplaced).toEqual([]);
    for (const table of Object.keys(notByStore)) expect(byStore.has(table)).toBe(false);
  });

  test('store tables keep store_id in every key, except the listed steps of the migration', async () => {
    expect(await keysWithoutStore(handle.db)).toEqual(notYetByStore);
  });

  test('a new store table keyed by its id alone breaks the rule', async () => {
    let found: string[] = [];
    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`create table tip_pools (
          id uuid primary key, store_id uuid not null references stores (id),
          order_id uuid references orders (id))`);
        found = await keysWithoutStore(tx);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof TransactionRollbackError)) throw e;
      });
    expect(found.filter((k) => k.startsWith('tip_pools'))).toEqual([
      'tip_pools: foreign key (order_id) references orders',
      'tip_pools: primary key (id)',
    ]);
  });

  test('store tables have store_id NOT NULL (a row of no store would sit on no shard)', async () => {
    const rows = await executeRows<{ table: string }>(
      handle.db,
      sql`select table_name as "table" from information_schema.columns
          where table_schema = 'public' and column_name = 'store_id' and is_nullable = 'YES'`,
    );
    expect(rows).toEqual([]);
  });

  test('docs/scaling.md places every table the way this test does', () => {
    const plan = readFileSync(new URL('../../../docs/scaling.md', import.meta.url), 'utf8');
    for (const table of Object.keys(notByStore)) expect(plan).toContain(`\`${table}\``);
    for (const step of notYetByStore) expect(plan).toContain(step.split(':')[0]);
  });
});
