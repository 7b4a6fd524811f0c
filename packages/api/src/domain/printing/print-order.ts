import { orderItems, orders, printers, stations, stores, type Printer } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import receiptline from 'receiptline';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { chitDocument, receiptDocument } from './documents.ts';
import type { PrintPayload } from './queue-prints.ts';
import type { PrintOrderInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/** The paper for one order: a chit (one station's items, or all) or the guest's receipt. */
async function documentFor(ctx: DomainContext, input: PrintOrderInput, reprint: boolean) {
  const { storeId } = requireKitchen(ctx);
  return inStore(ctx, storeId, async (tx) => {
    const [row] = await tx.db
      .select({ order: orders, store: stores })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, storeId)));
    if (!row) throw new NotFoundError('order', { orderId: input.orderId });
    const station = input.stationId
      ? (
          await tx.db
            .select()
            .from(stations)
            .where(and(eq(stations.id, input.stationId), eq(stations.storeId, storeId)))
        )[0]
      : undefined;
    if (input.stationId && !station)
      throw new NotFoundError('station', { stationId: input.stationId });
    const all = await tx.db
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, row.order.id))
      .orderBy(asc(orderItems.position));
    const items =
      station && station.kind === 'prep' ? all.filter((i) => i.stationId === station.id) : all;
    const doc =
      input.kind === 'receipt'
        ? receiptDocument({ store: row.store, order: row.order, items: all })
        : chitDocument({
            store: row.store,
            order: row.order,
            items,
            station: station ?? null,
            reprint,
            now: tx.now(),
          });
    return { storeId, order: row.order, station, doc };
  });
}

/** What the paper looks like, as an SVG image (the console shows it; docs keep one). */
export async function previewPrint({ ctx, input }: { ctx: DomainContext; input: PrintOrderInput }) {
  const { doc } = await documentFor(ctx, input, false);
  return { svg: receiptline.transform(doc, { cpl: 42, encoding: 'multilingual' }) };
}

/**
 * Reprint a chit (to the station's printer, else the expo's, else any) or print the guest's
 * receipt (to a receipt printer), from the expo screen or the console. Every press prints.
 */
export async function printOrder({ ctx, input }: { ctx: DomainContext; input: PrintOrderInput }) {
  return inStore(ctx, requireKitchen(ctx).storeId, async (tx) => {
    const { storeId, order, station, doc } = await documentFor(tx, input, input.kind === 'chit');
    const printer = await choosePrinter(tx, storeId, input.kind, station?.printerId ?? null);
    if (!printer) {
      throw new ValidationError({
        key: input.kind === 'receipt' ? 'admin.noReceiptPrinter' : 'admin.noChitPrinter',
      });
    }
    await enqueue(
      { db: tx.db, now: tx.now },
      {
        storeId,
        orderId: order.id,
        channel: 'print',
        dedupeKey: `order:${order.id}:print:${input.kind}:${randomUUID()}`,
        recipient: printer.id,
        template: input.kind === 'receipt' ? 'receipt' : 'chit_reprint',
        payload: { kind: input.kind, doc, stationId: station?.id ?? null } satisfies PrintPayload,
      },
    );
    return { printer: printer.name };
  });
}

async function choosePrinter(
  ctx: DomainContext,
  storeId: string,
  kind: 'chit' | 'receipt',
  stationPrinterId: string | null,
): Promise<Printer | undefined> {
  const all = await ctx.db
    .select()
    .from(printers)
    .where(eq(printers.storeId, storeId))
    .orderBy(asc(printers.name));
  if (kind === 'receipt') return all.find((p) => p.receipts);
  if (stationPrinterId) return all.find((p) => p.id === stationPrinterId);
  const [expo] = await ctx.db
    .select({ printerId: stations.printerId })
    .from(stations)
    .where(and(eq(stations.storeId, storeId), eq(stations.kind, 'expo')));
  return all.find((p) => p.id === expo?.printerId) ?? all[0];
}
