import { executeRows, orders, ticketTimes, type Database, type Queryable } from '@kds/db';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { replayCtes } from './report-sql.ts';
import { acrossStoresOn, inStoreOn } from '../transaction.ts';

/**
 * Orders kept by one statement of the job. On embedded PGlite a statement holds the event loop
 * while it runs: 100 orders take about 30 ms there (about 20 ms on PostgreSQL).
 */
const BATCH = 100;

/**
 * Keeps the ticket times of COMPLETED orders of a store that have none kept yet (only
 * `orderIds`, when given; at most `limit`): replays their events exactly as the report does,
 * writes one `ticket_times` row per measure and marks the orders kept, in one statement. Orders
 * another transaction holds are skipped, so two instances never keep the same order twice, and
 * a recall waiting on the order clears what was kept once it gets its turn.
 */
export async function keepTicketTimes(
  db: Queryable,
  storeId: string,
  { orderIds, limit = orderIds?.length ?? BATCH }: { orderIds?: string[]; limit?: number },
): Promise<number> {
  const only = orderIds
    ? sql`and o.id in (${sql.join(
        orderIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const kept = await executeRows<{ id: string }>(
    db,
    sql`
    with store as (
      -- A change of the store's time zone holds the row FOR UPDATE until it commits (and
      -- forgets every kept hour); KEY SHARE waits for it, reads the new zone, and does not hold
      -- back the placements that advance the store's sequence meanwhile.
      select timezone from stores where id = ${storeId} for key share
    ),
    live as materialized (
      select o.id, o.business_date from orders o
      where o.store_id = ${storeId} and o.status = 'COMPLETED' and o.placed_at is not null
        and not o.ticket_times_kept ${only}
      limit ${limit}
      for update skip locked
    ),
    ${replayCtes(sql`(select timezone from store)`, { byOrder: true })},
    rows as (
      insert into ticket_times (store_id, order_id, business_date, position, kind, key, seconds)
      select ${storeId}, m.order_id, l.business_date,
        row_number() over (partition by m.order_id order by m.kind, m.key, m.seconds),
        m.kind, m.key, m.seconds
      from measures m join live l on l.id = m.order_id
    )
    update orders set ticket_times_kept = true where id in (select id from live) returning id`,
  );
  return kept.length;
}

/**
 * Throws away what was kept for these orders of a store (all of them, without `orderIds`):
 * an order recalled after it was handed over, or a store whose clock moved. The report replays
 * them again until the job keeps them anew.
 */
export async function forgetTicketTimes(
  db: Queryable,
  storeId: string,
  orderIds?: string[],
): Promise<void> {
  const ofStore = eq(ticketTimes.storeId, storeId);
  await db
    .delete(ticketTimes)
    .where(orderIds ? and(ofStore, inArray(ticketTimes.orderId, orderIds)) : ofStore);
  const kept = and(eq(orders.storeId, storeId), eq(orders.ticketTimesKept, true));
  await db
    .update(orders)
    .set({ ticketTimesKept: false })
    .where(orderIds ? and(kept, inArray(orders.id, orderIds)) : kept);
}

/**
 * The job: keeps the ticket times of every COMPLETED order that has none yet (history from
 * before they were kept, or a store whose clock moved), a batch at a time, for at most
 * `budgetMs`. Returns how many orders it kept. A batch is small enough for the planner's
 * defaults: each order's events are read through its index.
 */
export async function keepPendingTicketTimes(
  db: Database,
  { budgetMs = 5_000 }: { budgetMs?: number } = {},
): Promise<number> {
  const started = Date.now();
  // The stores with orders to keep: the job runner's path across stores.
  const pending = await acrossStoresOn(db, 'job-runner', (tx) =>
    tx
      .selectDistinct({ storeId: orders.storeId })
      .from(orders)
      .where(
        and(
          eq(orders.status, 'COMPLETED'),
          eq(orders.ticketTimesKept, false),
          isNotNull(orders.placedAt),
        ),
      ),
  );
  let total = 0;
  for (const { storeId } of pending) {
    for (;;) {
      const kept = await inStoreOn(db, storeId, (tx) =>
        keepTicketTimes(tx, storeId, { limit: BATCH }),
      );
      total += kept;
      if (kept < BATCH) break;
      if (Date.now() - started > budgetMs) return total;
    }
  }
  return total;
}
