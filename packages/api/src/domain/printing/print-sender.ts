import { orders, printers } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import receiptline from 'receiptline';
import type { DomainContext } from '../context.ts';
import { PermanentFailure, type OutboxDelivered, type OutboxSender } from '../outbox/run-outbox.ts';
import type { PrintPayload } from './queue-prints.ts';
import { inStore } from '../transaction.ts';

/** Writes bytes to a printer; resolves once the printer has taken them all and closed. */
export interface PrinterTransport {
  print(address: { host: string; port: number }, bytes: Uint8Array): Promise<void>;
}

/** ESC/POS for a ReceiptLine document, at the printer's line width. */
export function escposOf(doc: string, charsPerLine: number): Uint8Array {
  const command = receiptline.transform(doc, {
    cpl: charsPerLine,
    encoding: 'multilingual',
    command: 'escpos',
    cutting: true,
  });
  return Buffer.from(command, 'binary');
}

/**
 * Sends a print job to the printer it names. The printer is read at send time (its address may
 * have changed since); a printer that was removed fails the job for good.
 */
export function printSender(transport: PrinterTransport): OutboxSender {
  return async (message, ctx) => {
    const [printer] = await inStore(ctx, message.storeId, ({ db }) =>
      db
        .select()
        .from(printers)
        .where(and(eq(printers.id, message.recipient), eq(printers.storeId, message.storeId))),
    );
    if (!printer) throw new PermanentFailure('the printer was removed');
    const { doc } = message.payload as PrintPayload;
    await transport.print(printer, escposOf(doc, printer.charsPerLine));
    return { providerId: `${printer.host}:${printer.port}` };
  };
}

/** The order records when its paper last came out. */
export const printDelivered: OutboxDelivered = async (ctx: DomainContext, message) => {
  if (!message.orderId) return;
  const orderId = message.orderId;
  await inStore(ctx, message.storeId, ({ db }) =>
    db.update(orders).set({ printedAt: ctx.now() }).where(eq(orders.id, orderId)),
  );
};
