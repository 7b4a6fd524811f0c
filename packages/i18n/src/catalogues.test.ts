import { describe, expect, test } from 'vitest';
import { catalogues, createI18n, flatten, LANGUAGES, pseudoMessage, PSEUDO } from './index.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const english = flatten(catalogues.en);
const base = (key: string) => key.replace(PLURAL, '');
/** `{{count}}`, `{store}`, `<strong>`: what a translation must keep, in any order. */
const codes = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)[^}]*\}\}|\{(\w+)\}|<\/?(\w+)\s*\/?>/g)]
    .map((m) => m[0].replace(/\s/g, ''))
    .sort();

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  const messages = flatten(catalogues[language]);

  test('has every English message and nothing English lacks', () => {
    const missing = [...english.keys()]
      .map(base)
      .filter((k) => ![...messages.keys()].some((m) => base(m) === k));
    const extra = [...messages.keys()].filter(
      (k) => !english.has(k) && !english.has(base(k) + '_other'),
    );
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test('has every plural form the language uses', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map(base));
    const lacking = [...plurals].flatMap((key) =>
      categories.filter((c) => !messages.has(`${key}_${c}`)).map((c) => `${key}_${c}`),
    );
    expect(lacking).toEqual([]);
  });

  test('keeps every placeholder and tag, and leaves nothing empty', () => {
    const wrong = [...messages].flatMap(([key, message]) => {
      const source = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
      const same = JSON.stringify(codes(message)) === JSON.stringify(codes(source));
      return same && message.trim() !== '' ? [] : [key];
    });
    expect(wrong).toEqual([]);
  });
});

describe('translating', () => {
  test('a missing key is reported, not shown as the key', () => {
    const i18n = createI18n('es');
    const missing: string[] = [];
    i18n.on('missingKey', (_lngs, _ns, key) => missing.push(key));
    i18n.options.saveMissing = true;
    expect(i18n.t('kitchen:ticket.bump')).toBe('Listo');
    i18n.t('kitchen:no.such.key' as 'kitchen:ticket.bump');
    expect(missing).toEqual(['no.such.key']);
  });

  test('plurals follow the language', () => {
    const t = createI18n('es').getFixedT('es', 'kitchen');
    expect([1, 2, 1_000_000].map((count) => t('top.open', { count }))).toEqual([
      '1 abierta',
      '2 abiertas',
      '1000000 abiertas',
    ]);
  });

  test('the pseudo-locale marks every message and keeps what is not words', () => {
    expect(pseudoMessage('Pickup code for order {{number}}')).toBe(
      '⟦Ƥííçķúúƥ çóóđéé ƒóóŕ óóŕđééŕ {{number}}⟧',
    );
    const t = createI18n(PSEUDO).getFixedT(PSEUDO, 'kitchen');
    expect(t('ticket.order', { number: 42 })).toMatch(/^⟦.+ 42⟧$/);
    expect(pseudoMessage('<strong>{{kind}} paused</strong> [ at {eta}]')).toMatch(
      /^⟦<strong>\{\{kind\}\} .+<\/strong> \[ .+ \{eta\}\]⟧$/,
    );
  });
});
