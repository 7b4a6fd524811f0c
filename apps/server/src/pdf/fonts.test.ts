import { createRequire } from 'node:module';
import { catalogues, flatten, LANGUAGES, pseudoMessage } from '@kds/i18n';
import * as fontkit from 'fontkit';
import { describe, expect, test } from 'vitest';
import { FONT_FILES } from './fonts.ts';

const resolveFile = createRequire(import.meta.url).resolve;
const faces = Object.entries(FONT_FILES).map(([face, file]) => {
  const font = fontkit.openSync(resolveFile(file));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection`);
  return { face, font };
});

/** The characters of `text` that a face of the PDF font cannot draw. */
function missing(text: string): string[] {
  const gaps = new Set<string>();
  for (const char of text.replace(/\s/g, '')) {
    const code = char.codePointAt(0) ?? 0;
    for (const { face, font } of faces) {
      if (!font.hasGlyphForCodePoint(code)) gaps.add(`${char} (U+${code.toString(16)}, ${face})`);
    }
  }
  return [...gaps];
}

describe('the PDF font', () => {
  // The namespaces a printed document draws from; the apps' own (an emoji or two) are drawn by
  // the browser's fonts.
  test.each(LANGUAGES)(
    'draws every server and common message of %s, and the pseudo-locale',
    (language) => {
      const { server, common } = catalogues[language];
      const text = [...flatten(server).values(), ...flatten(common).values()].join('');
      expect(missing(text)).toEqual([]);
      if (language === 'en') expect(missing(pseudoMessage(text))).toEqual([]);
    },
  );

  test.each(LANGUAGES)(
    'draws %s dates, clocks and money in every currency KDS is tried with',
    (language) => {
      const at = new Date('2026-11-30T21:05:00Z');
      const samples = ['US', 'MX', 'ES', 'GB', 'JP', 'DE', 'KW'].flatMap((region) => {
        const locale = `${language}-${region}`;
        return [
          new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(at),
          new Intl.DateTimeFormat(locale, { timeZoneName: 'longGeneric' }).format(at),
          ...['USD', 'MXN', 'EUR', 'GBP', 'JPY', 'KWD', 'KRW', 'INR'].map((currency) =>
            new Intl.NumberFormat(locale, { style: 'currency', currency }).format(-1234.5),
          ),
        ];
      });
      expect(missing(samples.join(''))).toEqual([]);
    },
  );

  test('names what it cannot draw', () => {
    expect(missing('Sushi 寿司')).toEqual(
      expect.arrayContaining(['寿 (U+5bff, regular)', '司 (U+53f8, bold)']),
    );
  });
});
