import { orders, stores, type Order } from '@kds/db';
import type { Language } from '@kds/i18n';
import { and, between, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { forReports } from '../reports/read-replica.ts';
import { readerLanguageOf } from '../stores/languages.ts';
import {
  cellsOf,
  ITEM_COLUMNS,
  itemExportRow,
  ORDER_COLUMNS,
  orderExportRow,
  type ExportRow,
} from './export-columns.ts';
import { linesOf, orderBatches, storeHeading } from './order-batches.ts';
import { inStore } from '../transaction.ts';

export const ExportInput = z.object({
  kind: z.enum(['orders', 'order-items']),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ExportInput = z.infer<typeof ExportInput>;

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
  const cell = cellsOf(store);

  async function* batches(): AsyncGenerator<ExportRow[]> {
    const inRange = and(
      eq(orders.storeId, storeId),
      between(orders.businessDate, input.from, input.to),
    );
    for await (const batch of orderBatches(source, storeId, inRange)) {
      if (input.kind === 'orders') {
        yield batch.map((order) => orderExportRow(order, cell));
        continue;
      }
      const byId = new Map(batch.map((o) => [o.id, o]));
      const items = await itemsOf(source, storeId, batch);
      yield items.map((item) => itemExportRow(item, byId.get(item.orderId), cell));
    }
  }

  return {
    columns: input.kind === 'orders' ? ORDER_COLUMNS : ITEM_COLUMNS,
    store: storeHeading(store),
    language: await readerLanguageOf(ctx, store),
    batches: batches(),
  };
}

/** The batch's order lines, in the orders' own order (as the orders export lists them). */
async function itemsOf(source: DomainContext, storeId: string, batch: Order[]) {
  const items = await linesOf(source, storeId, batch);
  const rank = new Map(batch.map((o, i) => [o.id, i]));
  return items.sort(
    (a, b) => (rank.get(a.orderId) ?? 0) - (rank.get(b.orderId) ?? 0) || a.position - b.position,
  );
}
