import { printers } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { inStore } from '../transaction.ts';
import { escapeText } from './documents.ts';
import type { PrintPayload } from './queue-prints.ts';
import type { PrinterIdInput } from './schemas.ts';

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
