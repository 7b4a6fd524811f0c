import { orderItems, stores, type Order, type OrderItem } from '@kds/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import type { ApiOrder } from './schemas.ts';

/** Orders as an integration sees them, with their lines, in one read of all their items. */
export async function apiOrders(
  ctx: DomainContext,
  storeId: string,
  rows: Order[],
): Promise<ApiOrder[]> {
  if (rows.length === 0) return [];
  const [store] = await ctx.db
    .select({ currency: stores.currency })
    .from(stores)
    .where(eq(stores.id, storeId));
  const items = await ctx.db
    .select()
    .from(orderItems)
    .where(
      inArray(
        orderItems.orderId,
        rows.map((o) => o.id),
      ),
    )
    .orderBy(asc(orderItems.position));
  return rows.map((order) =>
    toApiOrder(
      order,
      items.filter((i) => i.orderId === order.id),
      store?.currency ?? 'USD',
      ctx.config.publicUrl,
    ),
  );
}

function toApiOrder(o: Order, items: OrderItem[], currency: string, publicUrl: string): ApiOrder {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: o.id,
    number: o.number,
    businessDate: o.businessDate,
    status: o.status,
    paymentStatus: o.paymentStatus,
    source: o.source,
    fulfilment: {
      type: o.fulfilment,
      table: o.tableLabel,
      address: o.deliveryAddress,
      postcode: o.deliveryPostcode,
      driverName: o.driverName,
    },
    customer: { name: o.customerName, phone: o.customerPhone, email: o.customerEmail },
    items: items.map((i) => ({
      id: i.id,
      menuItemId: i.menuItemId,
      name: i.name,
      quantity: i.quantity,
      unitPriceCents: i.unitPriceCents,
      lineTotalCents: i.lineTotalCents,
      modifiers: i.modifiers.map((m) => ({ modifierId: m.modifierId, name: m.name })),
      notes: i.notes,
      status: i.status,
    })),
    notes: o.notes,
    allergies: o.allergies,
    currency,
    subtotalCents: o.subtotalCents,
    discountCents: o.discountCents,
    taxCents: o.taxCents,
    tipCents: o.tipCents,
    totalCents: o.totalCents,
    trackingUrl: `${publicUrl}/track/${o.trackingToken}`,
    fireAt: iso(o.fireAt),
    createdAt: o.createdAt.toISOString(),
    placedAt: iso(o.placedAt),
    readyAt: iso(o.readyAt),
    completedAt: iso(o.completedAt),
    canceledAt: iso(o.canceledAt),
    updatedAt: o.updatedAt.toISOString(),
  };
}
