import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The typeface of every PDF KDS prints: DejaVu Sans (condensed for tables). pdfkit's built-in
 * Helvetica has no glyph past Latin-1, so "Crème brûlée" survived but "Łukasz", "Ωmega Grill"
 * or a Cyrillic name did not. DejaVu covers Latin, Greek, Cyrillic, Hebrew, Arabic and more;
 * `pdf-fonts.test.ts` checks that every message of every language KDS offers has its glyphs.
 * pdfkit embeds only the glyphs a document uses.
 */
export const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf',
} as const;

export const REGULAR = 'kds-regular';
export const BOLD = 'kds-bold';

const resolveFile = createRequire(import.meta.url).resolve;
let loaded: Record<keyof typeof FONT_FILES, Buffer> | undefined;

/** The font files' bytes, read once per process. */
export function fontBytes(): Record<keyof typeof FONT_FILES, Buffer> {
  loaded ??= {
    regular: readFileSync(resolveFile(FONT_FILES.regular)),
    bold: readFileSync(resolveFile(FONT_FILES.bold)),
  };
  return loaded;
}

/** Registers `REGULAR` and `BOLD` in `doc` and starts it in the regular face. */
export function useKdsFonts(doc: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const bytes = fontBytes();
  doc.registerFont(REGULAR, bytes.regular);
  doc.registerFont(BOLD, bytes.bold);
  return doc.font(REGULAR);
}
