import { printers, stations } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { inStore } from '../transaction.ts';
import { escapeText } from './documents.ts';
import type { PrintPayload } from './queue-prints.ts';
import type { PrinterIdInput, SavePrinterInput, StationPrintingInput } from './schemas.ts';

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

export async function setStationPrinting({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StationPrintingInput;
}) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    if (input.printerId) {
      const [printer] = await tx.db
        .select({ id: printers.id })
        .from(printers)
        .where(and(eq(printers.id, input.printerId), eq(printers.storeId, who.storeId)));
      if (!printer) throw new NotFoundError('printer', { printerId: input.printerId });
    }
    const values = {
      printerId: input.printerId,
      printMode: input.printerId ? input.printMode : ('never' as const),
    };
    const [station] = await tx.db
      .update(stations)
      .set(values)
      .where(and(eq(stations.id, input.stationId), eq(stations.storeId, who.storeId)))
      .returning({ id: stations.id });
    if (!station) throw new NotFoundError('station', { stationId: input.stationId });
    await recordAudit(tx.db, who, {
      action: 'station.printing',
      entity: 'station',
      entityId: station.id,
      after: values,
    });
    return values;
  });
}

/** A test page, so whoever sets a printer up sees it print (or sees why it did not). */
export async function printTestPage({ ctx, input }: { ctx: DomainContext; input: PrinterIdInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const [printer] = await tx.db
      .select()
      .from(printers)
      .where(and(eq(printers.id, input.printerId), eq(printers.storeId, who.storeId)));
    if (!printer) throw new NotFoundError('printer', input);
    const doc = [
      '{width:*}',
      '^^KDS test page',
      `Printer: ${escapeText(printer.name)}`,
      '---',
      'If you can read this, printing works.',
    ].join('\n');
    await enqueue(
      { db: tx.db, now: tx.now },
      {
        storeId: who.storeId,
        orderId: null,
        channel: 'print',
        dedupeKey: `printer:${printer.id}:test:${randomUUID()}`,
        recipient: printer.id,
        template: 'printer_test',
        payload: { kind: 'test', doc } satisfies PrintPayload,
      },
    );
    return { queued: true };
  });
}
