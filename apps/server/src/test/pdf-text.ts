import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF as pdf.js reads it (Mozilla's reader, the one in Firefox),
 * one string per page: a line per row of text, top to bottom, its pieces left to right with a
 * space between. Tests read what a person would see.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x = 0, y = 0] = item.transform as number[];
      const row = rows.get(Math.round(y)) ?? [];
      row.push({ x, text: item.str.trim() });
      rows.set(Math.round(y), row);
    }
    const lines = [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((piece) => piece.text)
          .join(' '),
      );
    pages.push(lines.join('\n'));
  }
  await pdf.destroy();
  return pages;
}
