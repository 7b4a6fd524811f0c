import { orderItems, orders, stations, type Order, type OrderItem, type Queryable } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Principal, TxContext } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { forgetTicketTimes } from '../reports/ticket-times.ts';

/**
 * Locks one of the caller's store's orders for update. Another store's order is NOT_FOUND,
 * exactly like a missing one, so ids of other stores reveal nothing.
 */
export async function lockOrder(
  ctx: TxContext,
  storeId: string,
  orderId: string,
  expectedVersion: number | undefined,
): Promise<{ order: Order; items: OrderItem[] }> {
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.storeId, storeId)))
    .for('update');
  if (!order) throw new NotFoundError('order', { orderId });
  if (expectedVersion !== undefined && order.version !== expectedVersion) {
    throw new ConflictError(
      { key: 'orders.changedElsewhere' },
      {
        expectedVersion,
        currentVersion: order.version,
      },
    );
  }
  const items = await ctx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  return { order, items };
}

/**
 * Writes a change to an order and bumps its version; returns the new row. An order that leaves
 * COMPLETED (a recall) loses the ticket times kept for the report.
 */
export async function saveOrder(
  ctx: TxContext,
  order: Order,
  changes: Partial<Omit<Order, 'id' | 'storeId' | 'version' | 'ticketTimesKept'>>,
): Promise<Order> {
  if (order.ticketTimesKept && changes.status !== undefined && changes.status !== 'COMPLETED') {
    await forgetTicketTimes(ctx.db, order.storeId, [order.id]);
  }
  const [saved] = await ctx.db
    .update(orders)
    .set({ ...changes, version: order.version + 1, updatedAt: ctx.now() })
    .where(eq(orders.id, order.id))
    .returning();
  if (!saved) throw new NotFoundError('order', { orderId: order.id });
  return saved;
}

/** A station of the store, or NOT_FOUND (another store's station included). */
export async function findStation(db: Queryable, storeId: string, stationId: string) {
  const [station] = await db
    .select()
    .from(stations)
    .where(and(eq(stations.id, stationId), eq(stations.storeId, storeId)));
  if (!station) throw new NotFoundError('station', { stationId });
  return station;
}

export async function storeHasExpo(db: Queryable, storeId: string): Promise<boolean> {
  const [expo] = await db
    .select({ id: stations.id })
    .from(stations)
    .where(and(eq(stations.storeId, storeId), eq(stations.kind, 'expo')))
    .limit(1);
  return expo !== undefined;
}

/**
 * The station a kitchen command acts for: the one named in the input, else the paired
 * screen's own station, else none (expo or a signed-in staff member's whole-ticket action).
 * A screen paired to a station acts for that station only: naming another one (expo, to
 * force a ticket ready) is refused.
 */
export async function resolveStation(
  db: Queryable,
  principal: Principal,
  stationId: string | undefined,
) {
  const own = principal.kind === 'device' ? principal.stationId : null;
  if (own && stationId && stationId !== own) {
    throw new ForbiddenError({ key: 'access.ownStationOnly' });
  }
  const id = stationId ?? own;
  return id ? findStation(db, principal.storeId, id) : null;
}

/** The money an order adds up to, as clients see it. */
export function totalsOf(order: Order) {
  return {
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    taxCents: order.taxCents,
    tipCents: order.tipCents,
    totalCents: order.totalCents,
  };
}
