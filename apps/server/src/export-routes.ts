import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, ExportInput, exportRows, type ApiContext, type ExportRow } from '@kds/api';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import PDFDocument from 'pdfkit';

const STATUS: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
};

/**
 * `GET /exports/{orders|order-items}.{csv|json|pdf}?from=YYYY-MM-DD&to=YYYY-MM-DD` for managers
 * (session cookie or bearer token). Rows are read a batch at a time and written as they come:
 * a year of orders streams with flat memory (bench/export-memory.ts).
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
      let rows: Awaited<ReturnType<typeof exportRows>>;
      try {
        rows = await exportRows(await options.context(request), input.data);
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
      if (format === 'csv') {
        reply.type('text/csv; charset=utf-8');
        return reply.send(logged(Readable.from(csvChunks(rows.columns, rows.batches))));
      }
      if (format === 'json') {
        reply.type('application/json; charset=utf-8');
        return reply.send(logged(Readable.from(jsonChunks(rows.batches))));
      }
      reply.type('application/pdf');
      return reply.send(logged(pdfStream(rows, `${kind} ${input.data.from} to ${input.data.to}`)));
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

/** A plain, printable listing: one line per row, a header on every page. */
function pdfStream(rows: Awaited<ReturnType<typeof exportRows>>, title: string) {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: false });
  const shown = rows.columns.filter((c) => c !== 'order_id').slice(0, 10);
  const width = (doc.page.width - 72) / shown.length;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8);
    shown.forEach((c, i) =>
      doc.text(c.replace(/_/g, ' '), 36 + i * width, 36, { width: width - 4, lineBreak: false }),
    );
    doc.font('Helvetica');
    return 52;
  };
  void (async () => {
    doc.font('Helvetica-Bold').fontSize(14).text(`${rows.store.name}: ${title}`, 36, 36);
    doc.addPage();
    let y = header();
    for await (const batch of rows.batches) {
      for (const row of batch) {
        if (y > doc.page.height - 48) {
          doc.addPage();
          y = header();
        }
        shown.forEach((c, i) =>
          doc.text(String(row[c] ?? ''), 36 + i * width, y, {
            width: width - 4,
            lineBreak: false,
            height: 10,
          }),
        );
        y += 12;
      }
      // pdfkit does not wait for its reader: hold the next batch while the client catches up.
      while (doc.readableLength > 1_000_000) await sleep(5);
    }
    doc.end();
  })().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}
