import { printers, stations } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import type { PrinterIdInput, SavePrinterInput } from './schemas.ts';

/** The store's printers and what each station prints where. */
export async function listPrinters({ ctx }: { ctx: DomainContext }) {
  const { storeId } = requireManager(ctx);
  return inStore(ctx, storeId, async (tx) => {
    const [rows, stationRows] = await Promise.all([
      tx.db
        .select()
        .from(printers)
        .where(eq(printers.storeId, storeId))
        .orderBy(asc(printers.name)),
      tx.db
        .select({
          id: stations.id,
          name: stations.name,
          kind: stations.kind,
          printerId: stations.printerId,
          printMode: stations.printMode,
        })
        .from(stations)
        .where(eq(stations.storeId, storeId))
        .orderBy(asc(stations.sortOrder)),
    ]);
    return { printers: rows, stations: stationRows };
  });
}

export async function savePrinter({ ctx, input }: { ctx: DomainContext; input: SavePrinterInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const [clash] = await tx.db
      .select({ id: printers.id })
      .from(printers)
      .where(and(eq(printers.storeId, who.storeId), eq(printers.name, input.name)));
    if (clash && clash.id !== input.id) {
      throw new ConflictError({ key: 'admin.printerExists', values: { name: input.name } });
    }
    const { id, ...values } = input;
    if (id) {
      const [before] = await tx.db
        .update(printers)
        .set(values)
        .where(and(eq(printers.id, id), eq(printers.storeId, who.storeId)))
        .returning();
      if (!before) throw new NotFoundError('printer', { printerId: id });
      await recordAudit(tx.db, who, {
        action: 'printer.updated',
        entity: 'printer',
        entityId: id,
        after: values,
      });
      return { id };
    }
    const [created] = await tx.db
      .insert(printers)
      .values({ ...values, storeId: who.storeId })
      .returning({ id: printers.id });
    if (!created) throw new Error('printer insert returned nothing');
    await recordAudit(tx.db, who, {
      action: 'printer.created',
      entity: 'printer',
      entityId: created.id,
      after: values,
    });
    return { id: created.id };
  });
}

/** Stations that printed on it stop printing (their printer is unset). */
export async function removePrinter({ ctx, input }: { ctx: DomainContext; input: PrinterIdInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const [gone] = await tx.db
      .delete(printers)
      .where(and(eq(printers.id, input.printerId), eq(printers.storeId, who.storeId)))
      .returning();
    if (!gone) throw new NotFoundError('printer', input);
    await recordAudit(tx.db, who, {
      action: 'printer.removed',
      entity: 'printer',
      entityId: gone.id,
      before: gone,
    });
    return { id: gone.id };
  });
}
