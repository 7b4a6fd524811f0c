import { orders } from '@kds/db';
import { and, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { OrderListInput } from './schemas.ts';
import { beyond, pageOf } from '../keyset.ts';
import { inStore } from '../transaction.ts';

/**
 * The store's orders, newest first, filtered and searched, a page at a time (keyset on
 * created_at and id, so page 500 of a year is as fast as page 1).
 */
export async function listOrders({ ctx, input }: { ctx: DomainContext; input: OrderListInput }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const search = input.search?.trim();
    const searchBy = search
      ? /^#?\d{1,6}$/.test(search)
        ? eq(orders.number, Number(search.replace('#', '')))
        : or(
            ilike(orders.customerName, `%${escapeLike(search)}%`),
            ilike(orders.customerPhone, `%${escapeLike(search.replace(/[\s()-]/g, ''))}%`),
            ilike(orders.customerEmail, `%${escapeLike(search)}%`),
          )
      : undefined;
    const rows = await tx.db
      .select({
        id: orders.id,
        number: orders.number,
        businessDate: orders.businessDate,
        status: orders.status,
        paymentStatus: orders.paymentStatus,
        paymentMethod: orders.paymentMethod,
        fulfilment: orders.fulfilment,
        tableLabel: orders.tableLabel,
        customerName: orders.customerName,
        customerPhone: orders.customerPhone,
        totalCents: orders.totalCents,
        createdAt: orders.createdAt,
        placedAt: orders.placedAt,
        readyAt: orders.readyAt,
        // Qualified by hand: inside the subquery an unqualified "id" would be order_items.id.
        items: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
      })
      .from(orders)
      .where(
        and(
          eq(orders.storeId, manager.storeId),
          input.status?.length ? inArray(orders.status, input.status) : undefined,
          input.paymentStatus ? eq(orders.paymentStatus, input.paymentStatus) : undefined,
          input.fulfilment ? eq(orders.fulfilment, input.fulfilment) : undefined,
          input.from ? gte(orders.businessDate, input.from) : undefined,
          input.to ? lte(orders.businessDate, input.to) : undefined,
          searchBy,
          beyond(orders, input.cursor),
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(input.limit + 1);
    const { rows: page, next } = pageOf(rows, input.limit);
    return { orders: page, next };
  });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
