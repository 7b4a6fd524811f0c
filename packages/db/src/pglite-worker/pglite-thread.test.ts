import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDb, executeRows, type DbHandle } from '../client.ts';

// Embedded PGlite on its own thread must behave as PGlite in the server's thread does, through
// Drizzle, while leaving the event loop free.
const dir = mkdtempSync(join(tmpdir(), 'kds-pglite-thread-'));
let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ driver: 'pglite', dataDir: join(dir, 'data'), thread: true });
  await handle.migrate();
  await handle.db.execute(sql`create table things (name text primary key, n int not null)`);
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const names = async (db = handle.db) =>
  (await executeRows<{ name: string }>(db, sql`select name from things order by name`)).map(
    (r) => r.name,
  );

test('a transaction commits what it did, and a failed one or a rolled-back savepoint leaves nothing', async () => {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into things values ('kept', 1)`);
    await tx
      .transaction(async (inner) => {
        await inner.execute(sql`insert into things values ('savepoint', 2)`);
        inner.rollback();
      })
      .catch(() => {});
  });
  await expect(
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into things values ('failed', 3)`);
      throw new Error('the verb refused');
    }),
  ).rejects.toThrow('the verb refused');
  expect(await names()).toEqual(['kept']);
});

test('a transaction opens with its first statement: one that fails there is rolled back, one that swallows it fails to commit', async () => {
  await expect(
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into things values ('kept', 9)`);
    }),
  ).rejects.toThrow();
  const swallowed = handle.db.transaction(async (tx) => {
    await tx.execute(sql`insert into things values ('kept', 9)`).catch(() => undefined);
    return 'returned';
  });
  await expect(swallowed).rejects.toThrow();
  // A transaction that ran nothing never opened, and holds nothing back.
  expect(await handle.db.transaction(async () => 'nothing')).toBe('nothing');
  expect(await names()).toEqual(['kept']);
});

test("a database error crosses with its code and constraint, and the thread's database goes on", async () => {
  const err: unknown = await handle.db
    .execute(sql`insert into things values ('kept', 4)`)
    .catch((e: unknown) => e);
  expect((err as { cause?: unknown }).cause).toMatchObject({
    code: '23505',
    constraint: 'things_pkey',
  });
  expect(await names()).toEqual(['kept']);
});

test('values come back as Drizzle expects them: JSON parsed, dates as text', async () => {
  const [row] = await executeRows<Record<string, unknown>>(
    handle.db,
    sql`select '{"a":[1]}'::jsonb as j, 2::int8 as big, date '2026-12-01' as d, true as b`,
  );
  expect(row).toEqual({ j: { a: [1] }, big: 2, d: '2026-12-01', b: true });
});

test('a statement outside a transaction waits for the open one, as PGlite does', async () => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  const tx = handle.db.transaction(async (t) => {
    await t.execute(sql`insert into things values ('first', 5)`);
    await held;
  });
  await new Promise((r) => setTimeout(r, 50));
  const outside = names();
  release();
  await tx;
  expect(await outside).toContain('first');
});

test('LISTEN hears NOTIFY, and stops when told', async () => {
  const heard: string[] = [];
  const listener = await handle.listen(
    'wake',
    (p) => heard.push(p),
    () => {},
  );
  await handle.notify('wake', ['store-1:5', 'store-2:9']);
  await listener.close();
  await handle.notify('wake', ['after']);
  await handle.ping();
  expect(heard).toEqual(['store-1:5', 'store-2:9']);
});

test('the event loop runs while the database works', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  await handle.db.execute(sql`select count(*) from generate_series(1, 3000000)`);
  clearInterval(timer);
  // In the server's own thread, PGlite's WebAssembly holds the loop: no timer fires meanwhile.
  expect(ticks).toBeGreaterThan(0);
});

test('the data directory dumps to a tarball another PGlite opens', async () => {
  const tarball = await handle.dumpDataDir?.();
  expect(tarball).toBeDefined();
  const copy = await createDb({ driver: 'pglite', loadDataDir: tarball, thread: true });
  expect(await names(copy.db)).toEqual(await names());
  await copy.close();
});
