import { orders } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { TxContext } from '../domain/context.ts';
import type * as Internal from '../domain/orders/internal.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  trpcCodeOf,
  type Harness,
} from '../test/fixtures.ts';

/**
 * The bug planted here: the order lock behind every kitchen verb takes the store from the order
 * it is asked for instead of the caller's, as a verb written next year might (no store filter
 * of its own). It reaches any store's order by id alone.
 */
vi.mock('../domain/orders/internal.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Internal>();
  const { NotFoundError } = await import('../domain/errors.ts');
  return {
    ...original,
    lockOrder: async (ctx: TxContext, _callersStore: string, orderId: string, version?: number) => {
      const [order] = await ctx.db
        .select({ storeId: orders.storeId })
        .from(orders)
        .where(eq(orders.id, orderId));
      if (!order) throw new NotFoundError('order', { orderId });
      return original.lockOrder(ctx, order.storeId, orderId, version);
    },
  };
});

/** `KDS_TEST_POLICIES=off` runs this file with the policies switched off, to see it fail. */
const policiesOff = process.env.KDS_TEST_POLICIES === 'off';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  if (policiesOff) {
    for (const table of ['orders', 'order_items', 'stores', 'order_events']) {
      await h.db.execute(sql.raw(`alter table ${table} disable row level security`));
    }
  }
});
afterAll(() => h.close());

test("with a verb's store filter removed, a cook of another store still cannot bump this store's ticket", async () => {
  const order = await h.caller().order.place(counterOrder(h.demo));
  const rival = await createOtherStore(h.db, 'rival-planted');
  const cook = await h.staffOf(rival.storeId, 'kitchen');

  const before = await h.db.select().from(orders).where(eq(orders.id, order.orderId));

  const outcome = await trpcCodeOf(
    h.caller(cook).ticket.bump({ orderId: order.orderId, force: true }),
  );

  expect(outcome).toBe('NOT_FOUND');
  const after = await h.db.select().from(orders).where(eq(orders.id, order.orderId));
  expect(after).toEqual(before);
  expect(after[0]?.status).toBe('PLACED');
});
