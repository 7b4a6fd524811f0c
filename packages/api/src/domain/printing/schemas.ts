import { z } from 'zod';
import { inputError } from '../errors.ts';

/** A host name or an IP address, as a printer is found on the restaurant's network. */
const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, inputError('printerHost'));

export const SavePrinterInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(40),
  host: Host,
  /** Raw printing ports only (9100 and the next nine): nothing else on the network is reachable. */
  port: z
    .number()
    .int()
    .min(9100, inputError('printerPort'))
    .max(9109, inputError('printerPort'))
    .default(9100),
  charsPerLine: z.number().int().min(24).max(64).default(42),
  receipts: z.boolean().default(false),
});
export type SavePrinterInput = z.infer<typeof SavePrinterInput>;

export const PrinterIdInput = z.object({ printerId: z.uuid() });
export type PrinterIdInput = z.infer<typeof PrinterIdInput>;

export const StationPrintingInput = z.object({
  stationId: z.uuid(),
  printerId: z.uuid().nullable(),
  printMode: z.enum(['never', 'always', 'fallback']),
});
export type StationPrintingInput = z.infer<typeof StationPrintingInput>;

export const PrintOrderInput = z.object({
  orderId: z.uuid(),
  kind: z.enum(['chit', 'receipt']),
  /** A chit for one station's items (its printer); without it, the whole order. */
  stationId: z.uuid().optional(),
});
export type PrintOrderInput = z.infer<typeof PrintOrderInput>;
