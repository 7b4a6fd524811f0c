import PDFDocument from 'pdfkit';
import { BOLD, REGULAR, useKdsFonts } from './fonts.ts';

// A4 landscape, in points.
export const MARGIN = 36;
export const BODY_BOTTOM = 548;
const FOOTER_Y = 566;

/** A landscape A4 document in KDS's fonts; pages are added by `PageFlow`. */
export function tableDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // No bottom margin: the footer sits below the body and must not start a page of its own.
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: 0 },
    autoFirstPage: false,
    info: { Title: title, Creator: 'KDS' },
  });
  return useKdsFonts(doc);
}

/**
 * The top and foot of a page of a table: the store's name (and `aside` at the right), the
 * title, an optional small `note`, the column headings ruled off above `bodyTop`; `footer`
 * centred at the foot with the title at its left.
 */
export function drawPageFrame(
  doc: PDFKit.PDFDocument,
  frame: {
    store: string;
    title: string;
    aside?: string;
    note?: string;
    columns: readonly Column[];
    headings: readonly string[];
    bodyTop: number;
    footer: string;
  },
): void {
  doc.addPage();
  doc.font(BOLD).fontSize(15);
  doc.text(fitted(doc, frame.store, 500), MARGIN, MARGIN, { lineBreak: false });
  doc.font(REGULAR).fontSize(8).fillColor('#444');
  if (frame.aside) {
    const x = doc.page.width - MARGIN - doc.widthOfString(frame.aside);
    doc.text(frame.aside, x, MARGIN + 4, { lineBreak: false });
  }
  if (frame.note) doc.text(frame.note, MARGIN, MARGIN + 38, { lineBreak: false });
  doc.fillColor('#000').fontSize(11);
  doc.text(frame.title, MARGIN, MARGIN + 21, { lineBreak: false });
  const top = { x: MARGIN, y: frame.bodyTop - 18, bold: true, size: 8 };
  drawCells(doc, frame.columns, frame.headings, top);
  rule(doc, frame.bodyTop - 5, 0.8);
  doc.font(REGULAR).fontSize(8).fillColor('#444');
  const centre = (doc.page.width - doc.widthOfString(frame.footer)) / 2;
  doc.text(frame.footer, centre, FOOTER_Y, { lineBreak: false });
  doc.text(fitted(doc, frame.title, centre - MARGIN - 12), MARGIN, FOOTER_Y, { lineBreak: false });
  doc.fillColor('#000');
}

/** A line across the page at `y`. */
export function rule(doc: PDFKit.PDFDocument, y: number, width: number, color = '#000'): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke()
    .strokeColor('#000');
}

/**
 * Where the next block goes down a run of pages. Reports stream (a year of orders is never held
 * in memory), so "Page 3 of 41" cannot be filled in afterwards: the same flow is run once over
 * the row counts to learn the page count, then again to draw. Blocks have fixed heights, so the
 * two runs break pages at the same places.
 */
export class PageFlow {
  page = 0;
  private y = 0;

  constructor(
    private readonly top: number,
    private readonly bottom: number,
    private readonly onPage: (page: number) => void = () => {},
  ) {}

  /** Whether `height` still fits on the page being filled. */
  fits(height: number): boolean {
    return this.page > 0 && this.y + height <= this.bottom;
  }

  /** Where a block of `height` goes: here, or at the top of a new page. */
  place(height: number, keepWithNext = 0): number {
    if (!this.fits(height + keepWithNext)) {
      this.page += 1;
      this.y = this.top;
      this.onPage(this.page);
    }
    const at = this.y;
    this.y += height;
    return at;
  }
}

/** `text` cut with an ellipsis to fit `width` at the current font and size. */
export function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

export interface Column {
  width: number;
  align?: 'left' | 'right';
}

/** Space kept at the right of a cell; more after a figure, so "$12.99" and "Paid" stay apart. */
export function padOf(column: Column): number {
  return column.align === 'right' ? 12 : 6;
}

/** One line of cells across `columns` from `x`, each cut to its column. */
export function drawCells(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  cells: readonly string[],
  at: { x: number; y: number; bold?: boolean; size: number; color?: string },
): void {
  doc
    .font(at.bold ? BOLD : REGULAR)
    .fontSize(at.size)
    .fillColor(at.color ?? '#000');
  let x = at.x;
  columns.forEach((column, i) => {
    const pad = padOf(column);
    const text = fitted(doc, cells[i] ?? '', column.width - pad);
    const left = column.align === 'right' ? x + column.width - pad - doc.widthOfString(text) : x;
    doc.text(text, left, at.y, { lineBreak: false });
    x += column.width;
  });
  doc.fillColor('#000');
}
