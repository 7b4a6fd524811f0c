import { orderItems, orders, type Order, type Store } from '@kds/db';
import { and, asc, inArray, type SQL } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { beyond } from '../keyset.ts';
import { inStore } from '../transaction.ts';

/** Orders read per round trip: memory stays flat whatever the range. */
const BATCH = 1_000;

/**
 * The orders `where` selects, a batch at a time, in the order they came in (keyset on
 * created_at and id): the caller writes each batch before the next is read, so a year of
 * orders never sits in memory.
 */
export async function* orderBatches(ctx: DomainContext, storeId: string, where: SQL | undefined) {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const from = after;
    const rows: Order[] = await inStore(ctx, storeId, ({ db }) =>
      db
        .select()
        .from(orders)
        .where(and(where, beyond(orders, from, 'asc')))
        .orderBy(asc(orders.createdAt), asc(orders.id))
        .limit(BATCH),
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The lines of a batch of orders, each order's lines in their places. */
export function linesOf(ctx: DomainContext, storeId: string, batch: Order[]) {
  return inStore(ctx, storeId, ({ db }) =>
    db
      .select()
      .from(orderItems)
      .where(
        inArray(
          orderItems.orderId,
          batch.map((o) => o.id),
        ),
      )
      .orderBy(asc(orderItems.orderId), asc(orderItems.position)),
  );
}

/** What a document says of the store it is about. */
export function storeHeading(store: Store) {
  return {
    name: store.name,
    currency: store.currency,
    locale: store.locale,
    timezone: store.timezone,
  };
}
