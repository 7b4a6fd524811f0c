import { TZDate } from '@date-fns/tz';
import { orderItems, orders, stores } from '@kds/db';
import type { Language } from '@kds/i18n';
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import { toDecimalString } from '../money.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { forReports } from '../reports/read-replica.ts';
import { readerLanguageOf } from '../stores/languages.ts';
import { orderBatches, storeHeading } from './order-batches.ts';
import { inStore } from '../transaction.ts';

export const ExportInput = z.object({
  kind: z.enum(['orders', 'order-items']),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ExportInput = z.infer<typeof ExportInput>;

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
  'time_zone',
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
  store: { name: string; currency: string; locale: string; timezone: string };
  /** Who reads it: the staff member signed in, else the store's staff language. */
  language: Language;
  batches: AsyncGenerator<ExportRow[]>;
}

/** The same rows for one store, for its manager or for a scheduled email's attachment. */
export async function exportRowsForStore(
  ctx: DomainContext,
  storeId: string,
  input: ExportInput,
): Promise<ExportRows> {
  const source = await forReports(ctx);
  const [store] = await inStore(source, storeId, ({ db }) =>
    db.select().from(stores).where(eq(stores.id, storeId)),
  );
  if (!store) throw new NotFoundError('store');
  // Amounts in the store's currency with its own decimals, a dot, no grouping: 18.40, 1840, 18.400.
  const cents = (value: number) => toDecimalString(value, store.currency);
  // Times on the store's wall clock with their offset (2026-11-30T08:58:51.123-05:00), and the
  // zone named in a column of its own: what a spreadsheet and a person both read right.
  const zone = store.timezone;
  const local = (at: Date | null) => (at ? new TZDate(at, zone).toISOString() : null);

  async function* batches(): AsyncGenerator<ExportRow[]> {
    const inRange = and(
      eq(orders.storeId, storeId),
      between(orders.businessDate, input.from, input.to),
    );
    for await (const batch of orderBatches(source, storeId, inRange)) {
      if (input.kind === 'orders') {
        yield batch.map((o) => ({
          number: o.number,
          business_date: o.businessDate,
          placed_at: local(o.placedAt),
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
          ready_at: local(o.readyAt),
          completed_at: local(o.completedAt),
          canceled_at: local(o.canceledAt),
          time_zone: zone,
          cancel_reason: o.cancelReason,
          order_id: o.id,
        }));
        continue;
      }
      const byId = new Map(batch.map((o) => [o.id, o]));
      const items = await inStore(source, storeId, ({ db }) =>
        db
          .select()
          .from(orderItems)
          .where(inArray(orderItems.orderId, [...byId.keys()]))
          .orderBy(asc(orderItems.orderId), asc(orderItems.position)),
      );
      // In the orders' own order, as the orders export lists them; each order's lines in place.
      const rank = new Map(batch.map((o, i) => [o.id, i]));
      items.sort(
        (a, b) =>
          (rank.get(a.orderId) ?? 0) - (rank.get(b.orderId) ?? 0) || a.position - b.position,
      );
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
    store: storeHeading(store),
    language: await readerLanguageOf(ctx, store),
    batches: batches(),
  };
}
