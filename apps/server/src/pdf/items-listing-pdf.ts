import { setTimeout as sleep } from 'node:timers/promises';
import type { ExportRow, ExportRows } from '@kds/api';
import { formatLocale, translatorFor } from '@kds/i18n';
import {
  BODY_BOTTOM,
  drawCells,
  drawPageFrame,
  MARGIN,
  PageFlow,
  tableDocument,
  type Column,
} from './page-flow.ts';

const BODY_TOP = 96;
const ROW = 14;

const COLUMNS = [
  { key: 'number', width: 56, align: 'right' },
  { key: 'date', width: 110 },
  { key: 'item', width: 190 },
  { key: 'modifiers', width: 190 },
  { key: 'quantity', width: 40, align: 'right' },
  { key: 'unitPrice', width: 64, align: 'right' },
  { key: 'lineTotal', width: 64, align: 'right' },
  { key: 'status', width: 56 },
] as const satisfies readonly (Column & { key: string })[];

/**
 * Every order line of a range, one per row, for the kitchen's own records: the heading and the
 * page number on every page, in the reader's language. Streamed like the CSV.
 */
export function itemsListingPdf(
  rows: ExportRows,
  range: { from: string; to: string },
): PDFKit.PDFDocument {
  const doc = tableDocument(rows.store.name);
  const t = translatorFor(rows.language, 'server');
  const locale = formatLocale(rows.language, rows.store.locale);
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = (date: unknown) =>
    typeof date === 'string' ? dayFormat.format(new Date(`${date}T12:00:00Z`)) : '';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: rows.store.currency });
  const amount = (value: unknown) => (value === null ? '' : money.format(Number(value)));
  const title = t('pdf.itemsTitle', { from: day(range.from), to: day(range.to) });

  const headings = COLUMNS.map((c) => t(`pdf.itemColumns.${c.key}`));
  const pageHeader = (page: number) =>
    drawPageFrame(doc, {
      store: rows.store.name,
      title,
      columns: COLUMNS,
      headings,
      bodyTop: BODY_TOP,
      footer: String(page),
    });
  const cells = (row: ExportRow) => [
    String(row.order_number ?? ''),
    day(row.business_date),
    String(row.item ?? ''),
    String(row.modifiers ?? ''),
    String(row.quantity ?? ''),
    amount(row.unit_price),
    amount(row.line_total),
    row.status === 'done' || row.status === 'queued' ? t(`pdf.itemStatus.${row.status}`) : '',
  ];

  void (async () => {
    const flow = new PageFlow(BODY_TOP, BODY_BOTTOM, pageHeader);
    flow.place(0);
    for await (const batch of rows.batches) {
      for (const row of batch) {
        drawCells(doc, COLUMNS, cells(row), { x: MARGIN, y: flow.place(ROW) + 3, size: 8 });
      }
      // pdfkit does not wait for its reader: hold the next batch while the client catches up.
      while (doc.readableLength > 1_000_000) await sleep(5);
    }
    doc.end();
  })().catch((error: unknown) => doc.destroy(error as Error));
  return doc;
}
