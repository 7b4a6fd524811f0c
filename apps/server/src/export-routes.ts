import { Readable } from 'node:stream';
import {
  DomainError,
  ExportInput,
  exportRows,
  ordersReport,
  type ApiContext,
  type ExportRow,
} from '@kds/api';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { itemsListingPdf } from './pdf/items-listing-pdf.ts';
import { ordersReportPdf } from './pdf/orders-report-pdf.ts';

const STATUS: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
};

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/**
 * `GET /exports/{orders|order-items}.{csv|json|pdf}?from=YYYY-MM-DD&to=YYYY-MM-DD` for managers
 * (session cookie or bearer token). Rows are read a batch at a time and written as they come:
 * a year of orders streams with flat memory (bench/export-memory.ts). The CSV and JSON keep
 * machine-friendly columns (codes, amounts as plain decimals, times with their offset); the
 * orders PDF is a report for people (`pdf/orders-report-pdf.ts`).
 */
export async function registerExportRoutes(
  app: FastifyInstance,
  options: { context: (request: FastifyRequest) => Promise<ApiContext> },
) {
  app.get<{ Params: { file: string }; Querystring: Record<string, string> }>(
    '/exports/:file',
    async (request, reply) => {
      const match = /^(orders|order-items)\.(csv|json|pdf)$/.exec(request.params.file);
      if (!match) return reply.status(404).send({ error: 'unknown export' });
      const [, kind, format] = match;
      const input = ExportInput.safeParse({ kind, from: request.query.from, to: request.query.to });
      if (!input.success) {
        return reply.status(400).send({ error: 'from and to must be dates (YYYY-MM-DD)' });
      }
      let file: NodeJS.ReadableStream;
      try {
        const ctx = await options.context(request);
        if (format === 'pdf') {
          file =
            kind === 'orders'
              ? ordersReportPdf(await ordersReport(ctx, input.data))
              : itemsListingPdf(await exportRows(ctx, input.data), input.data);
        } else {
          const rows = await exportRows(ctx, input.data);
          file = Readable.from(
            format === 'csv' ? csvChunks(rows.columns, rows.batches) : jsonChunks(rows.batches),
          );
        }
      } catch (error) {
        if (error instanceof DomainError) {
          return reply.status(STATUS[error.code] ?? 400).send({ error: error.message });
        }
        throw error;
      }
      const name = `kds-${kind}-${input.data.from}-to-${input.data.to}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      // Headers are gone once the body starts: a failure mid-way cuts the download short (the
      // client sees an incomplete file) and is logged here.
      const logged = <T extends NodeJS.ReadableStream>(stream: T): T => {
        stream.on('error', (err) => request.log.error({ err, kind, format }, 'export failed'));
        return stream;
      };
      reply.type(TYPES[format as keyof typeof TYPES]);
      return reply.send(logged(file));
    },
  );
}

/**
 * Guests type their own names and notes: a cell starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would run as a formula in the manager's spreadsheet, so it is quoted as text
 * (csv-stringify's `escape_formulas`, OWASP's advice for CSV injection).
 */
export async function* csvChunks(columns: readonly string[], batches: AsyncIterable<ExportRow[]>) {
  const options = { columns: [...columns], escape_formulas: true };
  yield stringify([], { ...options, header: true });
  for await (const batch of batches) yield stringify(batch, options);
}

async function* jsonChunks(batches: AsyncIterable<ExportRow[]>) {
  yield '[';
  let first = true;
  for await (const batch of batches) {
    const text = batch.map((row) => JSON.stringify(row)).join(',\n');
    if (text) {
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
  }
  yield '\n]\n';
}
