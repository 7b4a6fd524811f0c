import { orders, outbox, payments, stores, webhookEndpoints } from '@kds/db';
import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { listScreenHealth } from '../devices/screen-health.ts';
import { NotFoundError } from '../errors.ts';
import { businessDateOf } from '../orders/place-order.ts';
import { inStore } from '../transaction.ts';

/**
 * What a manager needs at a glance: today's numbers, what is in the kitchen now, and what went
 * wrong (screens offline or behind, messages that failed, payments that need a look).
 */
export async function dashboard({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, manager.storeId));
    if (!store) throw new NotFoundError('store');
    const today = businessDateOf(ctx.now(), store.timezone);
    const dayAgo = new Date(ctx.now().getTime() - 24 * 3600_000);

    const [[day], [open], [failed], [flagged], screens, failingWebhooks] = await Promise.all([
      tx.db
        .select({
          orders: sql<number>`count(*) filter (where ${orders.placedAt} is not null)::int`,
          revenueCents: sql<number>`coalesce(sum(${orders.totalCents}) filter (where ${orders.paymentStatus} in ('paid', 'at_counter', 'partially_refunded') and ${orders.status} <> 'CANCELED'), 0)::int`,
          canceled: sql<number>`count(*) filter (where ${orders.status} = 'CANCELED')::int`,
          avgReadySeconds: sql<
            number | null
          >`avg(extract(epoch from ${orders.readyAt} - ${orders.placedAt})) filter (where ${orders.readyAt} is not null)`,
        })
        .from(orders)
        .where(and(eq(orders.storeId, store.id), eq(orders.businessDate, today))),
      tx.db
        .select({
          placed: sql<number>`count(*) filter (where ${orders.status} = 'PLACED')::int`,
          preparing: sql<number>`count(*) filter (where ${orders.status} = 'PREPARING')::int`,
          ready: sql<number>`count(*) filter (where ${orders.status} = 'READY')::int`,
        })
        .from(orders)
        .where(
          and(
            eq(orders.storeId, store.id),
            inArray(orders.status, ['PLACED', 'PREPARING', 'READY']),
          ),
        ),
      tx.db
        .select({ count: sql<number>`count(*)::int` })
        .from(outbox)
        .where(
          and(
            eq(outbox.storeId, store.id),
            eq(outbox.status, 'failed'),
            gte(outbox.createdAt, dayAgo),
          ),
        ),
      tx.db
        .select({ count: sql<number>`count(*)::int` })
        .from(payments)
        .where(and(eq(payments.storeId, store.id), isNotNull(payments.flag))),
      listScreenHealth({ ctx: tx }),
      tx.db
        .select({
          url: webhookEndpoints.url,
          since: webhookEndpoints.failingSince,
          lastError: webhookEndpoints.lastError,
        })
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.storeId, store.id),
            eq(webhookEndpoints.active, true),
            isNotNull(webhookEndpoints.failingSince),
          ),
        ),
    ]);
    return {
      store: { id: store.id, name: store.name, timezone: store.timezone, currency: store.currency },
      businessDate: today,
      today: {
        orders: day?.orders ?? 0,
        revenueCents: day?.revenueCents ?? 0,
        canceled: day?.canceled ?? 0,
        avgReadySeconds:
          day?.avgReadySeconds === null ? null : Math.round(Number(day?.avgReadySeconds)),
      },
      open: { placed: open?.placed ?? 0, preparing: open?.preparing ?? 0, ready: open?.ready ?? 0 },
      alerts: {
        failedMessages: failed?.count ?? 0,
        flaggedPayments: flagged?.count ?? 0,
        screensNotLive: screens.filter((s) => s.state !== 'live').length,
        /** Integrations whose webhook keeps failing, by address: named, not just counted. */
        failingWebhooks,
      },
      screens,
    };
  });
}
