import { setTimeout as sleep } from 'node:timers/promises';
import { formatMoney, type OrdersReport, type ReportOrder } from '@kds/api';
import { formatClock, formatLocale, translatorFor } from '@kds/i18n';
import { BOLD, REGULAR } from './fonts.ts';
import {
  drawCells,
  drawPageFrame,
  fitted,
  MARGIN,
  padOf,
  rule,
  tableDocument,
  type Column,
} from './page-flow.ts';
import { BODY_TOP, countPages, ReportFlow, ROW } from './report-flow.ts';

const COLUMNS = [
  { key: 'number', width: 40, align: 'right' },
  { key: 'time', width: 58 },
  { key: 'type', width: 60 },
  { key: 'where', width: 124 },
  { key: 'items', width: 256 },
  { key: 'total', width: 72, align: 'right' },
  { key: 'payment', width: 80 },
  { key: 'status', width: 80 },
] as const satisfies readonly (Column & { key: string })[];
const TOTAL_X = MARGIN + COLUMNS.slice(0, 5).reduce((sum, c) => sum + c.width, 0);
const LABEL_WIDTH = TOTAL_X - MARGIN;

/**
 * The orders report a manager prints: a heading on every page, the orders of each business day
 * under the day's name, a total for each day and for the range, "Page 3 of 41" at the foot, in
 * the reader's language and the store's clock and currency. Streamed: memory stays flat.
 */
export function ordersReportPdf(report: OrdersReport): PDFKit.PDFDocument {
  const doc = tableDocument(report.store.name);
  const words = wordsFor(report);
  const pages = countPages(report.days);
  const headings = COLUMNS.map((c) => words.t(`pdf.columns.${c.key}`));
  const pageHeader = (page: number) =>
    drawPageFrame(doc, {
      store: report.store.name,
      title: words.title,
      aside: words.t('pdf.printed', { at: words.dateTime(report.asOf) }),
      note: words.zone,
      columns: COLUMNS,
      headings,
      bodyTop: BODY_TOP,
      footer: words.t('pdf.page', { page, pages }),
    });

  const flow = new ReportFlow(report.days, pageHeader);
  void drawBody(doc, report, words, flow).then(
    () => doc.end(),
    (error: unknown) => doc.destroy(error as Error),
  );
  return doc;
}

/** The orders day by day with their totals, then the range's total, a batch at a time. */
async function drawBody(
  doc: PDFKit.PDFDocument,
  report: OrdersReport,
  words: Words,
  flow: ReportFlow,
): Promise<void> {
  const range = { orders: 0, counted: 0, total: 0 };
  if (report.days.length === 0) {
    const none = words.t('pdf.none', { from: words.day(report.from), to: words.day(report.to) });
    doc.font(REGULAR).fontSize(11);
    doc.text(none, MARGIN, flow.empty() + 8, { lineBreak: false });
  }
  let day: DaySum = { date: '', orders: 0, counted: 0, total: 0 };
  const closeDay = (sum: DaySum) => {
    const label = words.t('pdf.dayTotal', { day: words.day(sum.date), count: sum.orders });
    drawTotal(doc, flow.dayTotal(), words, sum, label);
    range.orders += sum.orders;
    range.counted += sum.counted;
    range.total += sum.total;
  };
  for await (const batch of report.batches) {
    if (batch.date !== day.date) {
      if (day.date) closeDay(day);
      day = { date: batch.date, orders: 0, counted: 0, total: 0 };
      drawDayHeading(doc, flow.nextDay(), words.day(batch.date));
    }
    for (const order of batch.orders) {
      const { y, continued } = flow.nextOrder();
      if (continued !== null) {
        drawDayHeading(doc, continued, words.t('pdf.continued', { day: words.day(day.date) }));
      }
      drawOrder(doc, y, words, order);
      day.orders += 1;
      if (order.counted) {
        day.counted += 1;
        day.total += order.total;
      }
    }
    // pdfkit does not wait for its reader: hold the next batch while the client catches up.
    while (doc.readableLength > 1_000_000) await sleep(5);
  }
  if (day.date) closeDay(day);
  if (report.days.length > 0) {
    const y = flow.rangeTotal() + 6;
    rule(doc, y, 1.5);
    const label = words.t('pdf.rangeTotal', {
      from: words.day(report.from),
      to: words.day(report.to),
      count: range.orders,
    });
    drawTotal(doc, y, words, range, label, { size: 10, noteBelow: true });
  }
}

type Words = ReturnType<typeof wordsFor>;
interface DaySum {
  date: string;
  orders: number;
  counted: number;
  total: number;
}

/** Everything the report says, in the reader's language and the store's region. */
function wordsFor(report: OrdersReport) {
  const t = translatorFor(report.language, 'server');
  // A status, payment or kind of order is said once per report, not once per row.
  const said = new Map<string, string>();
  const translate = translatorFor(report.language, 'common');
  const common = (
    key:
      | `fulfilment.${ReportOrder['fulfilment']}`
      | `payment.${ReportOrder['paymentStatus']}`
      | `status.${ReportOrder['status']}`,
  ): string => {
    let words = said.get(key);
    if (words === undefined) said.set(key, (words = translate(key)));
    return words;
  };
  const locale = formatLocale(report.language, report.store.locale);
  const where = { storeLocale: report.store.locale, timeZone: report.store.timezone };
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const momentFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: where.timeZone,
  });
  const day = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));
  const zoneName =
    new Intl.DateTimeFormat(locale, { timeZone: where.timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value ?? where.timeZone;
  return {
    t,
    common,
    day,
    title:
      report.from === report.to
        ? t('pdf.ordersTitleOneDay', { date: day(report.from) })
        : t('pdf.ordersTitle', { from: day(report.from), to: day(report.to) }),
    zone: t('pdf.timesIn', { zone: where.timeZone, place: zoneName }),
    clock: (at: Date) => formatClock(at, report.language, where),
    dateTime: (at: Date) => momentFormat.format(at),
    money: (amount: number) => formatMoney(amount, report.store.currency, locale),
  };
}

function drawDayHeading(doc: PDFKit.PDFDocument, y: number, text: string) {
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor('#000')
    .text(text, MARGIN, y + 9, { lineBreak: false });
}

function drawOrder(doc: PDFKit.PDFDocument, y: number, words: Words, order: ReportOrder) {
  const where = [
    order.table ? words.t('pdf.table', { table: order.table }) : null,
    order.customerName,
  ]
    .filter(Boolean)
    .join(' · ');
  const cells = [
    String(order.number),
    words.clock(order.at),
    words.common(`fulfilment.${order.fulfilment}`),
    where,
    '',
    words.money(order.total),
    words.common(`payment.${order.paymentStatus}`),
    words.common(`status.${order.status}`),
  ];
  const color = order.counted ? '#000' : '#6b6b6b';
  drawCells(doc, COLUMNS, cells, { x: MARGIN, y: y + 3, size: 8.5, color });
  const items = COLUMNS[4];
  const x = MARGIN + COLUMNS.slice(0, 4).reduce((sum, c) => sum + c.width, 0);
  doc
    .fillColor(color)
    .text(itemsLine(doc, words, order.items, items.width - padOf(items)), x, y + 3, {
      lineBreak: false,
    });
  doc.fillColor('#000');
  rule(doc, y + ROW - 1, 0.3, '#d0d0d0');
}

/** "2× Margherita, 1× Fries" cut to the width with "+3 more" saying what did not fit. */
function itemsLine(
  doc: PDFKit.PDFDocument,
  words: Words,
  items: ReportOrder['items'],
  width: number,
): string {
  const parts = items.map((i) => `${i.quantity}× ${i.name}`);
  const all = parts.join(', ');
  if (doc.widthOfString(all) <= width) return all;
  for (let shown = parts.length - 1; shown >= 1; shown--) {
    const more = words.t('pdf.moreItems', { count: parts.length - shown });
    const line = `${parts.slice(0, shown).join(', ')} ${more}`;
    if (doc.widthOfString(line) <= width) return line;
  }
  return fitted(doc, all, width);
}

function drawTotal(
  doc: PDFKit.PDFDocument,
  y: number,
  words: Words,
  sum: Omit<DaySum, 'date'>,
  label: string,
  { size = 9, noteBelow = false } = {},
) {
  doc.font(BOLD).fontSize(size);
  const head = fitted(doc, label, LABEL_WIDTH - 8);
  doc.text(head, MARGIN, y + 7, { lineBreak: false });
  const left = sum.orders - sum.counted;
  if (left > 0) {
    // After the day's label; under the range's, which is long.
    const at = noteBelow
      ? { x: MARGIN, y: y + 9 + size * 1.4 }
      : { x: MARGIN + doc.widthOfString(head) + 10, y: y + 8 };
    const note = words.t('pdf.notCounted', { count: left });
    doc.font(REGULAR).fontSize(8).fillColor('#444');
    doc.text(fitted(doc, note, TOTAL_X - at.x - 8), at.x, at.y, { lineBreak: false });
    doc.fillColor('#000');
  }
  const amount = words.money(sum.total);
  const right = TOTAL_X + COLUMNS[5].width - padOf(COLUMNS[5]);
  doc.font(BOLD).fontSize(size);
  doc.text(amount, right - doc.widthOfString(amount), y + 7, { lineBreak: false });
}
