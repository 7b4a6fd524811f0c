import { orderItems, orders, stores, type Order, type OrderItem } from '@kds/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { requireScope } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { keyInOrder } from '../orders/enter-order.ts';
import type {
  ApiOrder,
  ApiOrderIdInput,
  ApiOrderListInput,
  ApiPlaceOrderInput,
} from './schemas.ts';

/** One order of the key's store; another store's order is NOT_FOUND, like a missing one. */
export async function integrationOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiOrderIdInput;
}): Promise<ApiOrder> {
  const key = requireScope(ctx, 'orders:read');
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.storeId, key.storeId)));
  if (!order) throw new NotFoundError('order', { orderId: input.orderId });
  const [view] = await apiOrders(ctx, key.storeId, [order]);
  if (!view) throw new NotFoundError('order', { orderId: input.orderId });
  return view;
}

/**
 * The key's store's orders whose status or payment changed after `updatedAfter`, oldest change
 * first, a page at a time: a POS that keeps the last `updatedAt` it saw misses nothing.
 */
export async function integrationOrders({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiOrderListInput;
}) {
  const key = requireScope(ctx, 'orders:read');
  const after = input.cursor ? readCursor(input.cursor) : null;
  const since = input.updatedAfter ?? null;
  const rows = await ctx.db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.storeId, key.storeId),
        input.status?.length ? inArray(orders.status, input.status) : undefined,
        since ? sql`${orders.updatedAt} > ${since}::timestamptz` : undefined,
        after
          ? sql`(${orders.updatedAt}, ${orders.id}) > (${after.updatedAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(orders.updatedAt), asc(orders.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    orders: await apiOrders(ctx, key.storeId, page),
    next: rows.length > input.limit && last ? writeCursor(last) : null,
  };
}

/** An order from the integration, under the staff entry's rules; its source says `api`. */
export async function integrationPlaceOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiPlaceOrderInput;
}) {
  const key = requireScope(ctx, 'orders:write');
  const placed = await keyInOrder(ctx, key.storeId, input, 'api');
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, placed.orderId), eq(orders.storeId, key.storeId)));
  if (!order) throw new NotFoundError('order', { orderId: placed.orderId });
  const [view] = await apiOrders(ctx, key.storeId, [order]);
  if (!view) throw new NotFoundError('order', { orderId: placed.orderId });
  return { order: view, payUrl: placed.payUrl, linkSentBy: placed.linkSentBy };
}

async function apiOrders(ctx: DomainContext, storeId: string, rows: Order[]): Promise<ApiOrder[]> {
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

/** Cursors are opaque to integrations: the last row's change time and id, base64url. */
function writeCursor(o: Order): string {
  return Buffer.from(JSON.stringify([o.updatedAt.toISOString(), o.id])).toString('base64url');
}

function readCursor(cursor: string): { updatedAt: string; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (
      typeof updatedAt === 'string' &&
      !Number.isNaN(Date.parse(updatedAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { updatedAt, id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new ValidationError('cursor: pass the `next` of the previous page as it was', {
    problems: [{ path: ['cursor'], code: 'BAD_CURSOR' }],
  });
}
