import { orderItems, orders, stores } from '@kds/db';
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import { toDecimalString } from '../money.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { beyond } from '../keyset.ts';

export const ExportInput = z.object({
  kind: z.enum(['orders', 'order-items']),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ExportInput = z.infer<typeof ExportInput>;

/** Rows fetched per round trip: memory stays flat whatever the range. */
const BATCH = 1_000;

export const ORDER_COLUMNS = [
  'number',
  'business_date',
  'placed_at',
  'status',
  'payment_status',
  'payment_method',
  'fulfilment',
  'table',
  'customer_name',
  'subtotal',
  'discount',
  'tax',
  'tip',
  'total',
  'cost',
  'ready_at',
  'completed_at',
  'canceled_at',
  'cancel_reason',
  'order_id',
] as const;

export const ITEM_COLUMNS = [
  'order_number',
  'business_date',
  'item',
  'modifiers',
  'quantity',
  'unit_price',
  'unit_cost',
  'line_total',
  'status',
  'order_id',
] as const;

export type ExportRow = Record<string, string | number | null>;

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * The rows of an export, a batch at a time, in order (keyset on created_at and id): the caller
 * writes each batch before the next is read, so a year of orders never sits in memory. Orders
 * are the store's own; guests' contact details are left out (privacy exports are separate).
 */
export async function exportRows(ctx: DomainContext, input: ExportInput): Promise<ExportRows> {
  const { storeId } = requireManager(ctx);
  return exportRowsForStore(ctx, storeId, input);
}

export interface ExportRows {
  columns: readonly string[];
  store: { name: string; currency: string };
  batches: AsyncGenerator<ExportRow[]>;
}

/** The same rows for one store, for its manager or for a scheduled email's attachment. */
export async function exportRowsForStore(
  ctx: DomainContext,
  storeId: string,
  input: ExportInput,
): Promise<ExportRows> {
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, storeId));
  if (!store) throw new NotFoundError('store');
  // Amounts in the store's currency with its own decimals, a dot, no grouping: 18.40, 1840, 18.400.
  const cents = (value: number) => toDecimalString(value, store.currency);

  async function* orderBatches(): AsyncGenerator<(typeof orders.$inferSelect)[]> {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const rows: (typeof orders.$inferSelect)[] = await ctx.db
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.storeId, storeId),
            between(orders.businessDate, input.from, input.to),
            beyond(orders, after, 'asc'),
          ),
        )
        .orderBy(asc(orders.createdAt), asc(orders.id))
        .limit(BATCH);
      if (rows.length === 0) return;
      yield rows;
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }

  async function* batches(): AsyncGenerator<ExportRow[]> {
    for await (const batch of orderBatches()) {
      if (input.kind === 'orders') {
        yield batch.map((o) => ({
          number: o.number,
          business_date: o.businessDate,
          placed_at: iso(o.placedAt),
          status: o.status,
          payment_status: o.paymentStatus,
          payment_method: o.paymentMethod,
          fulfilment: o.fulfilment,
          table: o.tableLabel,
          customer_name: o.customerName,
          subtotal: cents(o.subtotalCents),
          discount: cents(o.discountCents),
          tax: cents(o.taxCents),
          tip: cents(o.tipCents),
          total: cents(o.totalCents),
          cost: cents(o.costCents),
          ready_at: iso(o.readyAt),
          completed_at: iso(o.completedAt),
          canceled_at: iso(o.canceledAt),
          cancel_reason: o.cancelReason,
          order_id: o.id,
        }));
        continue;
      }
      const byId = new Map(batch.map((o) => [o.id, o]));
      const items = await ctx.db
        .select()
        .from(orderItems)
        .where(inArray(orderItems.orderId, [...byId.keys()]))
        .orderBy(asc(orderItems.orderId), asc(orderItems.position));
      yield items.map((i) => {
        const order = byId.get(i.orderId);
        return {
          order_number: order?.number ?? null,
          business_date: order?.businessDate ?? null,
          item: i.name,
          modifiers: i.modifiers.map((m) => m.name).join('; '),
          quantity: i.quantity,
          unit_price: cents(i.unitPriceCents),
          unit_cost: cents(i.unitCostCents),
          line_total: cents(i.lineTotalCents),
          status: i.status,
          order_id: i.orderId,
        };
      });
    }
  }

  return {
    columns: input.kind === 'orders' ? ORDER_COLUMNS : ITEM_COLUMNS,
    store: { name: store.name, currency: store.currency },
    batches: batches(),
  };
}
