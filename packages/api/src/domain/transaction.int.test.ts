import { stations, stores } from '@kds/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, createOtherStore, type Harness } from '../test/fixtures.ts';
import { acrossStores, inStore, withTransaction } from './transaction.ts';

let h: Harness;
let other: string;

beforeAll(async () => {
  h = await createHarness();
  other = (await createOtherStore(h.db)).storeId;
});
afterAll(() => h.close());

describe('transactions as the server works in them (kds_app)', () => {
  test('one that states no store sees no store', async () => {
    const seen = await withTransaction(h.ctx(), ({ tx }) => tx.select().from(stores));
    expect(seen).toEqual([]);
  });

  test("one that acts for a store sees that store's rows only", async () => {
    const seen = await inStore(h.ctx(), h.demo.storeId, ({ tx }) => tx.select().from(stations));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.storeId))).toEqual(new Set([h.demo.storeId]));
  });

  test('a named path across stores sees every store', async () => {
    const seen = await acrossStores(h.ctx(), 'job-runner', ({ tx }) => tx.select().from(stores));
    expect(seen.map((s) => s.id)).toEqual(expect.arrayContaining([h.demo.storeId, other]));
  });

  test("a store's transaction never widens to every store, nor moves to another", async () => {
    await expect(
      inStore(h.ctx(), h.demo.storeId, (tx) =>
        acrossStores(tx, 'job-runner', ({ tx: t }) => t.select().from(stores)),
      ),
    ).rejects.toThrow(/asked to cross stores \(job-runner\)/);
    await expect(
      inStore(h.ctx(), h.demo.storeId, (tx) => inStore(tx, other, async () => null)),
    ).rejects.toThrow(/was asked to act for/);
  });
});
