import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

/**
 * Inserts `count` completed counter orders (one burger line each) for a store on one business
 * day, in a few statements: test and benchmark data for exports and reports, not a real flow.
 */
export async function bulkOrders(
  db: Database,
  options: {
    storeId: string;
    businessDate: string;
    count: number;
    itemName?: string;
    stationId: string;
  },
): Promise<void> {
  const { storeId, businessDate, count, stationId } = options;
  const step = 10_000;
  for (let start = 1; start <= count; start += step) {
    const end = Math.min(count, start + step - 1);
    await db.execute(sql`
      with made as (
        insert into orders (store_id, number, business_date, tracking_token, status, payment_status,
          payment_method, fulfilment, customer_name, subtotal_cents, tax_cents, total_cents,
          cost_cents, idempotency_key, request_hash, created_at, placed_at, ready_at, completed_at)
        select ${storeId}, n, ${businessDate}::date, 'bulk' || lpad(n::text, 18, '0') || substr(md5(${storeId}), 1, 4),
          'COMPLETED', 'at_counter', 'counter', 'pickup', 'Guest ' || n, 1200, 99, 1299, 380,
          'bulk-' || n, 'bulk', ${businessDate}::date + interval '12 hours' + n * interval '1 second',
          ${businessDate}::date + interval '12 hours' + n * interval '1 second',
          ${businessDate}::date + interval '12 hours 10 minutes' + n * interval '1 second',
          ${businessDate}::date + interval '12 hours 15 minutes' + n * interval '1 second'
        from generate_series(${start}::int, ${end}::int) as n
        returning id, store_id
      )
      insert into order_items (order_id, store_id, station_id, position, name, quantity,
        unit_price_cents, unit_cost_cents, line_total_cents, status)
      select id, store_id, ${stationId}, 0, ${options.itemName ?? 'Classic Burger'}, 1, 1200, 380, 1200, 'done'
      from made
    `);
  }
}
