import { orders, outbox, payments, webhookEndpoints, type Queryable } from '@kds/db';
import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';

// The dashboard's reads, one statement each, run side by side in the store's transaction.

/** The business day's orders, takings (paid and not canceled), cancellations, time to ready. */
export function dayTotals(db: Queryable, storeId: string, businessDate: string) {
  return db
    .select({
      orders: sql<number>`count(*) filter (where ${orders.placedAt} is not null)::int`,
      revenueCents: sql<number>`coalesce(sum(${orders.totalCents}) filter (where ${orders.paymentStatus} in ('paid', 'at_counter', 'partially_refunded') and ${orders.status} <> 'CANCELED'), 0)::int`,
      canceled: sql<number>`count(*) filter (where ${orders.status} = 'CANCELED')::int`,
      avgReadySeconds: sql<
        number | null
      >`avg(extract(epoch from ${orders.readyAt} - ${orders.placedAt})) filter (where ${orders.readyAt} is not null)`,
    })
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.businessDate, businessDate)));
}

/** Orders in the kitchen now, by status. */
export function openCounts(db: Queryable, storeId: string) {
  return db
    .select({
      placed: sql<number>`count(*) filter (where ${orders.status} = 'PLACED')::int`,
      preparing: sql<number>`count(*) filter (where ${orders.status} = 'PREPARING')::int`,
      ready: sql<number>`count(*) filter (where ${orders.status} = 'READY')::int`,
    })
    .from(orders)
    .where(
      and(eq(orders.storeId, storeId), inArray(orders.status, ['PLACED', 'PREPARING', 'READY'])),
    );
}

/** Messages that failed (texts, calls, email, webhooks, refunds, prints) since a time. */
export function failedMessagesSince(db: Queryable, storeId: string, since: Date) {
  return db
    .select({ count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(
      and(eq(outbox.storeId, storeId), eq(outbox.status, 'failed'), gte(outbox.createdAt, since)),
    );
}

/** Payments flagged for a look (an amount that did not match, a late payment). */
export function flaggedPayments(db: Queryable, storeId: string) {
  return db
    .select({ count: sql<number>`count(*)::int` })
    .from(payments)
    .where(and(eq(payments.storeId, storeId), isNotNull(payments.flag)));
}

/** Integrations whose webhook keeps failing, by address: named, not just counted. */
export function failingWebhooks(db: Queryable, storeId: string) {
  return db
    .select({
      url: webhookEndpoints.url,
      since: webhookEndpoints.failingSince,
      lastError: webhookEndpoints.lastError,
    })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.storeId, storeId),
        eq(webhookEndpoints.active, true),
        isNotNull(webhookEndpoints.failingSince),
      ),
    );
}
