import { TZDate } from '@date-fns/tz';
import type { Order, OrderItem, Store } from '@kds/db';
import { toDecimalString } from '../money.ts';

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

/** How an export writes amounts and times for one store. */
interface Cells {
  cents: (value: number) => string;
  local: (at: Date | null) => string | null;
  zone: string;
}

export function cellsOf(store: Store): Cells {
  const zone = store.timezone;
  return {
    // Amounts in the store's currency with its own decimals, a dot, no grouping: 18.40, 1840,
    // 18.400.
    cents: (value) => toDecimalString(value, store.currency),
    // Times on the store's wall clock with their offset (2026-11-30T08:58:51.123-05:00), and the
    // zone named in a column of its own: what a spreadsheet and a person both read right.
    local: (at) => (at ? new TZDate(at, zone).toISOString() : null),
    zone,
  };
}

/** One order, as the orders export's columns say. Guests' contact details are left out. */
export function orderExportRow(o: Order, { cents, local, zone }: Cells): ExportRow {
  return {
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
  };
}

/** One line of an order, as the order-items export's columns say. */
export function itemExportRow(i: OrderItem, order: Order | undefined, { cents }: Cells): ExportRow {
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
}
