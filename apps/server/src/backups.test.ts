import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  actForStore,
  createDb,
  menuItems,
  orderEvents,
  orders,
  restorePglite,
  restorePostgres,
  staff,
  stores,
  type DbHandle,
} from '@kds/db';
import { createTestDb, type TestDb } from '@kds/db/testing';
import { asc, lte } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, test } from 'vitest';
import { dailyBackup, pruneBackups, takeBackup } from './backups.ts';
import { loadEnv } from './env.ts';
import { connect, createFixture, startServer } from './test/harness.ts';

const work = mkdtempSync(join(tmpdir(), 'kds-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Everything a restaurant would miss, in a comparable form. */
async function contents(db: DbHandle['db'], maxSeq: number) {
  const events = await db
    .select()
    .from(orderEvents)
    .where(lte(orderEvents.seq, maxSeq))
    .orderBy(asc(orderEvents.seq));
  const placed = new Set(events.map((e) => e.orderId));
  const allOrders = await db.select().from(orders).orderBy(asc(orders.id));
  return {
    events,
    orders: allOrders.filter((o) => placed.has(o.id)),
    stores: (await db.select().from(stores)).map(({ eventSeq: _seq, ...store }) => store),
    staff: await db.select().from(staff).orderBy(asc(staff.id)),
    menu: await db.select().from(menuItems).orderBy(asc(menuItems.id)),
  };
}

/**
 * Guests keep ordering while the backup is taken; the backup holds a moment of the database:
 * a gap-free prefix of the event log, every order of it, and the settings, all identical.
 */
async function backupUnderLoad(source: TestDb, file: string) {
  const fx = await createFixture(source);
  const server = await startServer(source);
  const guests = [connect(server), connect(server), connect(server)];
  let placing = true;
  const load = guests.map(async (guest) => {
    while (placing) await guest.trpc.order.place.mutate(fx.order());
  });
  try {
    while ((await source.db.select().from(orders)).length < 20)
      await new Promise((r) => setTimeout(r, 50));
    await takeBackup(
      {
        DATABASE_URL: source.driver === 'postgres' ? (source as { url?: string }).url : undefined,
        DATA_DIR: '',
      },
      file,
      source,
    );
    const ordersAfterBackup = (await source.db.select().from(orders)).length;
    while ((await source.db.select().from(orders)).length < ordersAfterBackup + 10) {
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    placing = false;
    await Promise.all(load);
    for (const guest of guests) guest.close();
    await server.close();
  }
}

async function expectSameMoment(source: DbHandle, restored: DbHandle) {
  const seqs = (await restored.db.select({ seq: orderEvents.seq }).from(orderEvents)).map(
    (e) => e.seq,
  );
  const maxSeq = Math.max(...seqs);
  expect(seqs.length).toBeGreaterThanOrEqual(20);
  // Gap-free: the backup is one moment, not a mix of two.
  expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: maxSeq }, (_, i) => i + 1));
  const total = (await source.db.select().from(orderEvents)).length;
  expect(maxSeq).toBeLessThan(total); // orders kept coming after it
  expect(await contents(restored.db, maxSeq)).toEqual(await contents(source.db, maxSeq));
}

/**
 * The server's store-scoped transactions work on the restored database once it is migrated (as
 * on start): the role they take up and its rights come back with it, although a PostgreSQL
 * dump restores without them (the role lives in the cluster; pg_restore --no-acl).
 */
async function expectStoreScopedReads(restored: DbHandle) {
  await restored.migrate();
  const [store] = await restored.db.select({ id: stores.id }).from(stores).limit(1);
  const seen = await restored.db.transaction(async (tx) => {
    await tx.execute(actForStore(store?.id ?? ''));
    return tx.select({ id: orders.id }).from(orders);
  });
  expect(seen.length).toBeGreaterThanOrEqual(20);
}

describe('kds backup / kds restore', () => {
  test('a backup taken under load restores into an empty database, identical', async () => {
    // PGlite in this process, or a PostgreSQL database of its own (TEST_DATABASE_URL).
    const source = await createTestDb();
    const file = join(work, source.url ? 'live.dump' : 'live.tar.gz');
    await backupUnderLoad(source, file);

    let restored: DbHandle;
    if (source.url) {
      const target = await createTestDb();
      await expect(restorePostgres(target.url ?? '', file)).rejects.toThrow(/not empty/);
      // A test database comes migrated; a restore wants an empty one.
      const admin = postgres(target.url ?? '', { max: 1, onnotice: () => {} });
      await admin.unsafe(
        'drop schema drizzle cascade; drop schema public cascade; create schema public',
      );
      await admin.end();
      await restorePostgres(target.url ?? '', file);
      restored = target;
    } else {
      const restoredDir = join(work, 'restored');
      await restorePglite(file, restoredDir);
      await expect(restorePglite(file, restoredDir)).rejects.toThrow(/not empty/);
      restored = await createDb({ driver: 'pglite', dataDir: restoredDir });
    }
    try {
      await expectSameMoment(source, restored);
      await expectStoreScopedReads(restored);
    } finally {
      await restored.close();
      await source.close();
    }
  }, 60_000);

  test('the daily backup is taken once a day, by one instance, into BACKUP_DIR', async () => {
    const db = await createTestDb();
    const dir = join(work, 'nightly');
    const env = loadEnv({
      NODE_ENV: 'test',
      BACKUP_DIR: dir,
      BACKUP_KEEP: '2',
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    });
    const log = { info: () => {}, error: (o: unknown) => void errors.push(o) };
    const errors: unknown[] = [];
    try {
      const night = (day: number) => new Date(Date.UTC(2026, 10, day, 4, 0));
      const first = await dailyBackup(env, db, log, night(1));
      expect(first).toMatch(/kds-20261101-0400\.(tar\.gz|dump)$/);
      // A second instance (or a restart) the same night finds the day taken.
      expect(await dailyBackup(env, db, log, night(1))).toBeNull();
      await dailyBackup(env, db, log, night(2));
      await dailyBackup(env, db, log, night(3));
      expect(readdirSync(dir).sort()).toEqual([
        expect.stringMatching(/^kds-20261102-0400/),
        expect.stringMatching(/^kds-20261103-0400/),
      ]);
      expect(errors).toEqual([]);
    } finally {
      await db.close();
    }
  });

  test('daily backups keep the newest ones and nothing else', async () => {
    const dir = join(work, 'daily');
    mkdirSync(dir);
    const names = [
      'kds-20261101-0400.tar.gz',
      'kds-20261102-0400.tar.gz',
      'kds-20261103-0400.tar.gz',
      'notes.txt',
    ];
    for (const name of names) writeFileSync(join(dir, name), '');
    expect(await pruneBackups(dir, 2)).toEqual(['kds-20261101-0400.tar.gz']);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });
});
