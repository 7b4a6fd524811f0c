import { orders, stores, type Order } from '@kds/db';
import type { Language } from '@kds/i18n';
import { and, asc, between, count, eq, lte } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { forReports } from '../reports/read-replica.ts';
import { readerLanguageOf } from '../stores/languages.ts';
import { linesOf, orderBatches, storeHeading } from './order-batches.ts';
import type { ExportInput } from './export-rows.ts';
import { inStore } from '../transaction.ts';

/** One line of the printed report; the renderer turns codes into the reader's words. */
export interface ReportOrder {
  number: number;
  /** When it reached the kitchen, or was taken if it never did. */
  at: Date;
  fulfilment: Order['fulfilment'];
  table: string | null;
  customerName: string | null;
  items: { quantity: number; name: string }[];
  total: number;
  paymentStatus: Order['paymentStatus'];
  status: Order['status'];
  /** In the totals: it reached the kitchen and was not canceled. */
  counted: boolean;
}

export interface OrdersReport {
  store: { name: string; currency: string; locale: string; timezone: string };
  /** The reader's language. */
  language: Language;
  from: string;
  to: string;
  /** Orders taken up to this moment are in it: the counts and the rows agree. */
  asOf: Date;
  /** Business days with orders and how many: the layout counts its pages before it starts. */
  days: { date: string; orders: number }[];
  /** The orders of each day in `days`, in the order they came in, a batch at a time. */
  batches: AsyncGenerator<{ date: string; orders: ReportOrder[] }>;
}

/** The orders report a manager prints: a day at a time, with what each order was. */
export async function ordersReport(
  ctx: DomainContext,
  input: Pick<ExportInput, 'from' | 'to'>,
): Promise<OrdersReport> {
  const { storeId } = requireManager(ctx);
  const source = await forReports(ctx);
  const [store] = await inStore(source, storeId, ({ db }) =>
    db.select().from(stores).where(eq(stores.id, storeId)),
  );
  if (!store) throw new NotFoundError('store');
  const asOf = new Date();
  const inRange = and(
    eq(orders.storeId, storeId),
    between(orders.businessDate, input.from, input.to),
    lte(orders.createdAt, asOf),
  );
  const days = await inStore(source, storeId, ({ db }) =>
    db
      .select({ date: orders.businessDate, orders: count() })
      .from(orders)
      .where(inRange)
      .groupBy(orders.businessDate)
      .orderBy(asc(orders.businessDate)),
  );

  async function* batches() {
    for (const day of days) {
      const ofDay = and(
        eq(orders.storeId, storeId),
        eq(orders.businessDate, day.date),
        lte(orders.createdAt, asOf),
      );
      for await (const batch of orderBatches(source, storeId, ofDay)) {
        const itemsOf = await linesByOrder(source, storeId, batch);
        yield {
          date: day.date,
          orders: batch.map((o) => reportOrder(o, itemsOf.get(o.id) ?? [])),
        };
      }
    }
  }

  return {
    store: storeHeading(store),
    language: await readerLanguageOf(ctx, store),
    from: input.from,
    to: input.to,
    asOf,
    days,
    batches: batches(),
  };
}

type Line = { quantity: number; name: string };

/** What each order of the batch had, by order. */
async function linesByOrder(source: DomainContext, storeId: string, batch: Order[]) {
  const items = await linesOf(source, storeId, batch);
  const byOrder = new Map<string, Line[]>();
  for (const { orderId, quantity, name } of items) {
    const list = byOrder.get(orderId) ?? [];
    list.push({ quantity, name });
    byOrder.set(orderId, list);
  }
  return byOrder;
}

function reportOrder(o: Order, items: Line[]): ReportOrder {
  return {
    number: o.number,
    at: o.placedAt ?? o.createdAt,
    fulfilment: o.fulfilment,
    table: o.tableLabel,
    customerName: o.customerName,
    items,
    total: o.totalCents,
    paymentStatus: o.paymentStatus,
    status: o.status,
    counted: o.placedAt !== null && o.status !== 'CANCELED',
  };
}
