import { executeRows, stations, storeSlugAliases, stores } from '@kds/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, createOtherStore, type Harness } from '../test/fixtures.ts';
import { acrossStores, inStore, inStoreAtAddress, withTransaction } from './transaction.ts';

let h: Harness;
let other: string;

beforeAll(async () => {
  h = await createHarness();
  other = (await createOtherStore(h.db)).storeId;
});
afterAll(() => h.close());

describe('transactions as the server works in them (kds_app)', () => {
  test('one that states no store sees no store', async () => {
    const seen = await withTransaction(h.ctx(), ({ db }) => db.select().from(stores));
    expect(seen).toEqual([]);
  });

  test("one that acts for a store sees that store's rows only", async () => {
    const seen = await inStore(h.ctx(), h.demo.storeId, ({ db }) => db.select().from(stations));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.storeId))).toEqual(new Set([h.demo.storeId]));
  });

  test('a named path across stores sees every store', async () => {
    const seen = await acrossStores(h.ctx(), 'job-runner', ({ db }) => db.select().from(stores));
    expect(seen.map((s) => s.id)).toEqual(expect.arrayContaining([h.demo.storeId, other]));
  });

  test("a store's transaction never widens to every store, nor moves to another", async () => {
    await expect(
      inStore(h.ctx(), h.demo.storeId, (tx) =>
        acrossStores(tx, 'job-runner', ({ db }) => db.select().from(stores)),
      ),
    ).rejects.toThrow(/asked to cross stores \(job-runner\)/);
    await expect(
      inStore(h.ctx(), h.demo.storeId, (tx) => inStore(tx, other, async () => null)),
    ).rejects.toThrow(/was asked to act for/);
  });

  test("a guest's address: the database finds the store and the transaction acts for it, never across stores", async () => {
    await h.db.insert(storeSlugAliases).values({ slug: 'other-old', storeId: other });
    const at = (slug: string) =>
      inStoreAtAddress(h.ctx(), slug, async ({ db }, storeId) => {
        const [who] = await executeRows<{ role: string }>(db, sql`select current_user as role`);
        const seen = await db.select({ id: stores.id }).from(stores);
        return { storeId, role: who?.role, seen: seen.map((s) => s.id) };
      });
    expect(await at('other')).toEqual({ storeId: other, role: 'kds_app', seen: [other] });
    // A slug the store had before still leads to it (QR codes printed before a rename).
    expect(await at('other-old')).toEqual({ storeId: other, role: 'kds_app', seen: [other] });
    await expect(at('nowhere')).rejects.toThrow(/not found/i);
    // Only the server's role may ask the database for a store's id by its slug.
    await h.db.execute(sql`create role kds_stranger nologin`).catch(() => undefined);
    const refused = await h.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local role kds_stranger`);
        await tx.execute(sql`select kds_store_id_at('other')`);
      })
      .then(
        () => null,
        (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
      );
    expect(refused).toMatch(/permission denied for function kds_store_id_at/);
  });
});
