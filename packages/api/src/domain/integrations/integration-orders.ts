import { orders, type Order } from '@kds/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { apiOrders } from './api-order-view.ts';
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
import { inStore } from '../transaction.ts';

/** One order of the key's store; another store's order is NOT_FOUND, like a missing one. */
export async function integrationOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiOrderIdInput;
}): Promise<ApiOrder> {
  const key = requireScope(ctx, 'orders:read');
  return inStore(ctx, key.storeId, async (tx) => {
    const [order] = await tx.db
      .select()
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, key.storeId)));
    if (!order) throw new NotFoundError('order', { orderId: input.orderId });
    const [view] = await apiOrders(tx, key.storeId, [order]);
    if (!view) throw new NotFoundError('order', { orderId: input.orderId });
    return view;
  });
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
  return inStore(ctx, key.storeId, async (tx) => {
    const after = input.cursor ? readCursor(input.cursor) : null;
    const since = input.updatedAfter ?? null;
    const rows = await tx.db
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
      orders: await apiOrders(tx, key.storeId, page),
      next: rows.length > input.limit && last ? writeCursor(last) : null,
    };
  });
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
  const [view] = await inStore(ctx, key.storeId, async (tx) => {
    const [order] = await tx.db
      .select()
      .from(orders)
      .where(and(eq(orders.id, placed.orderId), eq(orders.storeId, key.storeId)));
    if (!order) throw new NotFoundError('order', { orderId: placed.orderId });
    return apiOrders(tx, key.storeId, [order]);
  });
  if (!view) throw new NotFoundError('order', { orderId: placed.orderId });
  return { order: view, payUrl: placed.payUrl, linkSentBy: placed.linkSentBy };
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
  throw new ValidationError(
    { key: 'orders.badCursor' },
    {
      problems: [{ path: ['cursor'], code: 'BAD_CURSOR' }],
    },
  );
}
