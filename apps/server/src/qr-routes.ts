import { getStoreSettings, type ApiContext } from '@kds/api';
import { translatorFor, type Language } from '@kds/i18n';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { BOLD, REGULAR, useKdsFonts } from './pdf/fonts.ts';

const MAX_TABLES = 200;

/** "1-12,20,patio" -> ["1", ..., "12", "20", "patio"]; at most 200 labels. */
export function tableLabels(spec: string): string[] {
  const labels: string[] = [];
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = /^(\d{1,4})-(\d{1,4})$/.exec(part);
    if (range) {
      for (let n = Number(range[1]); n <= Number(range[2]) && labels.length < MAX_TABLES; n++)
        labels.push(String(n));
    } else if (/^[\w -]{1,20}$/.test(part)) labels.push(part);
    if (labels.length >= MAX_TABLES) break;
  }
  return labels;
}

/**
 * `GET /qr/sheet.pdf?tables=1-12` for managers: a printable A4 sheet with the store's order QR
 * code and one per table (each opens the menu with the table filled in), six to a page. Guests
 * read it: its words are in the store's guest languages, the first one first.
 */
export async function registerQrRoutes(
  app: FastifyInstance,
  options: { publicUrl: string; context: (request: FastifyRequest) => Promise<ApiContext> },
) {
  app.get<{ Querystring: { tables?: string } }>('/qr/sheet.pdf', async (request, reply) => {
    const ctx = await options.context(request);
    if (!ctx.principal) return reply.status(401).send({ error: 'sign in first' });
    let store;
    try {
      store = await getStoreSettings({ ctx });
    } catch {
      return reply.status(403).send({ error: 'a manager or owner must do this' });
    }
    const codes = qrCodes(`${options.publicUrl}/order/${store.slug}`, store, request.query.tables);
    const doc = useKdsFonts(new PDFDocument({ size: 'A4', margin: 36 }));
    for (const [i, code] of codes.entries()) {
      if (i > 0 && i % 6 === 0) doc.addPage();
      await drawCode(doc, code, i % 6);
    }
    doc.end();
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="qr-${store.slug}.pdf"`)
      .send(doc);
  });
}

interface QrCode {
  title: string;
  caption: string;
  /** The caption in the store's next guest languages (two at most). */
  more: string[];
  url: string;
}

/** The store's own code, then one per table, captioned in its guest languages. */
function qrCodes(
  base: string,
  store: { name: string; guestLanguages: Language[] },
  tables: string | undefined,
): QrCode[] {
  const [first = 'en', ...others] = store.guestLanguages;
  const t = translatorFor(first, 'server');
  const also = others.slice(0, 2).map((language) => translatorFor(language, 'server'));
  return [
    {
      title: store.name,
      caption: t('pdf.qrStore'),
      more: also.map((other) => other('pdf.qrStore')),
      url: base,
    },
    ...tableLabels(tables ?? '').map((table) => ({
      title: t('pdf.qrTable', { table }),
      caption: t('pdf.qrTableCaption'),
      more: also.map((other) => other('pdf.qrTableCaption')),
      url: `${base}?table=${encodeURIComponent(table)}`,
    })),
  ];
}

/** One code in its cell of the page (two across, three down), with a dashed line to cut along. */
async function drawCode(doc: PDFKit.PDFDocument, code: QrCode, place: number) {
  const cell = { width: (doc.page.width - 72) / 2, height: (doc.page.height - 72) / 3 };
  const x = 36 + (place % 2) * cell.width;
  const y = 36 + Math.floor(place / 2) * cell.height;
  const png = await QRCode.toBuffer(code.url, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  doc
    .rect(x + 6, y + 6, cell.width - 12, cell.height - 12)
    .dash(4, { space: 4 })
    .stroke()
    .undash();
  doc
    .font(BOLD)
    .fontSize(18)
    .text(code.title, x, y + 18, { width: cell.width, align: 'center' });
  doc.image(png, x + (cell.width - 150) / 2, y + 44, { width: 150 });
  doc
    .font(REGULAR)
    .fontSize(11)
    .text(code.caption, x, y + 198, { width: cell.width, align: 'center' });
  doc.fontSize(8).fillColor('#333');
  for (const [n, line] of code.more.entries()) {
    doc.text(line, x, y + 212 + n * 10, { width: cell.width, align: 'center' });
  }
  doc
    .fontSize(7)
    .fillColor('#555')
    .text(code.url, x + 12, y + 216 + code.more.length * 10, {
      width: cell.width - 24,
      align: 'center',
    })
    .fillColor('#000');
}
