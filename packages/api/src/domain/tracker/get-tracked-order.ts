import { orderItems, orders, stores, type Order, type Store } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import type { StoredEvent } from '../../events/types.ts';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { DomainContext, TxContext } from '../context.ts';
import { acrossStores, inStore, withTransaction } from '../transaction.ts';
import { NotFoundError } from '../errors.ts';
import { guestLine } from '../orders/guest-line.ts';
import { totalsOf } from '../orders/internal.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';
import { asapReadyInMinutes, estimateFor } from './estimate-ready.ts';
import type { TrackerGetInput } from './schemas.ts';
import { guestLanguageOf, guestLocaleOf } from '../stores/languages.ts';

/**
 * The order behind a tracking token, or NOT_FOUND for any other token: found across stores (a
 * guest's link names no store), in its own transaction or the caller's storeless one.
 */
export async function findTrackedOrder(
  ctx: DomainContext | TxContext,
  trackingToken: string,
): Promise<Order> {
  return acrossStores(ctx, 'tracker-by-token', async ({ db }) => {
    const [order] = await db.select().from(orders).where(eq(orders.trackingToken, trackingToken));
    if (!order) throw new NotFoundError('order');
    return order;
  });
}

/** Runs `fn` acting for the store of the order behind a tracking token (see above). */
export async function inStoreOfTracked<T>(
  ctx: DomainContext,
  trackingToken: string,
  fn: (tx: TxContext, order: Order) => Promise<T>,
  config?: PgTransactionConfig,
): Promise<T> {
  return withTransaction(
    ctx,
    async (tx) => {
      const order = await findTrackedOrder(tx, trackingToken);
      return inStore(tx, order.storeId, (scoped) => fn(scoped, order));
    },
    config,
  );
}

/** What the token holder may see: their own order, without staff or internal fields. */
export async function getTrackedOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: TrackerGetInput;
}) {
  return inStoreOfTracked(ctx, input.trackingToken, (tx, order) => trackedView(tx, order), {
    accessMode: 'read only',
  });
}

async function trackedView(ctx: TxContext, order: Order) {
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, order.storeId));
  const unpaid = order.status === 'PENDING_PAYMENT';
  const { estimatedReadyAt, readyMinutesAfterPayment } = await estimates(ctx, store, order);
  const items = await ctx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  return {
    number: order.number,
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfilment: order.fulfilment,
    tableLabel: order.tableLabel,
    customerName: order.customerName,
    store: store && {
      name: store.name,
      slug: store.slug,
      currency: store.currency,
      phone: store.settings.phone ?? null,
      ...guestLocaleOf(store),
    },
    /** The language the guest ordered in, which their page opens in. */
    language: store ? guestLanguageOf(store, order) : null,
    estimatedReadyAt,
    /** Shown once the order is ready: the guest reads it out at the counter. */
    pickupCode:
      order.status === 'READY' && order.fulfilment === 'pickup'
        ? pickupCodeFor(ctx.config.pickupPepper, order.id)
        : null,
    /** The guest may still add items: not started, paid at the counter, and the store allows it. */
    canAddItems:
      order.status === 'PLACED' &&
      order.paymentStatus === 'at_counter' &&
      store?.settings.allowAddToOrder !== false,
    fireAt: order.fireAt?.toISOString() ?? null,
    /** Who is bringing a delivery, while it is on its way (when the store said). */
    driver:
      order.status === 'OUT_FOR_DELIVERY' && order.driverName
        ? { name: order.driverName, phone: order.driverPhone }
        : null,
    /** Until when an unpaid order can be paid; after that it expires. */
    payBy: unpaid ? (order.paymentExpiresAt?.toISOString() ?? null) : null,
    readyMinutesAfterPayment,
    items: items.map(guestLine),
    totals: totalsOf(order),
    createdAt: order.createdAt.toISOString(),
    placedAt: order.placedAt?.toISOString() ?? null,
    readyAt: order.readyAt?.toISOString() ?? null,
    completedAt: order.completedAt?.toISOString() ?? null,
    canceledAt: order.canceledAt?.toISOString() ?? null,
  };
}

/** When the order should be ready; an unpaid ASAP order is quoted from payment (when the kitchen gets it). */
async function estimates(ctx: TxContext, store: Store | undefined, order: Order) {
  if (!store) return { estimatedReadyAt: null, readyMinutesAfterPayment: null };
  const estimate = await estimateFor(ctx, store, order);
  const asapUnpaid = order.status === 'PENDING_PAYMENT' && !order.fireAt;
  return {
    estimatedReadyAt: estimate?.toISOString() ?? null,
    readyMinutesAfterPayment: asapUnpaid
      ? await asapReadyInMinutes(ctx.db, store, ctx.now())
      : null,
  };
}

export interface TrackerUpdate {
  type: StoredEvent['type'];
  status: Order['status'];
  at: string;
}

/** An event as the customer sees it: its type, the new status and when; nothing else. */
export function toTrackerUpdate(event: StoredEvent): TrackerUpdate | null {
  switch (event.type) {
    case 'order.placed':
      return { type: event.type, status: event.payload.ticket.status, at: event.at };
    case 'ticket.prioritized':
    case 'menu.item_86ed':
    case 'menu.item_restored':
    case 'menu.changed':
    case 'store.pacing_changed':
      return null;
    default:
      return { type: event.type, status: event.payload.status, at: event.at };
  }
}
