import type { Messages } from './catalogue.ts';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒğĥíĵķĺɱñóƥǫŕšťúṽŵẋýžÀƁÇĐÉƑĞĤÍĴĶĹṀÑÓƤǪŔŠŤÚṼŴẊÝŽ'][i] ?? c,
  ]),
);

/** What a message holds that is not words: `{{count}}`, `{store}`, `<0>`, `</1>`, `$t(key)`. */
const CODE = /(\{\{[^}]*\}\}|\{\w+\}|<\/?\w+\s*\/?>|\$t\([^)]*\))/;

/**
 * One message in the pseudo-locale: letters accented, vowels doubled (about a third longer, as
 * German runs), fenced in ⟦ ⟧. Placeholders and tags stay as they are.
 */
export function pseudoMessage(message: string): string {
  const body = message
    .split(CODE)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/[A-Za-z]+/g, (w) =>
            [...w.replace(/[aeiouAEIOU]/g, '$&$&')].map((c) => ACCENTED[c] ?? c).join(''),
          ),
    )
    .join('');
  return `⟦${body}⟧`;
}

export function pseudoMessages(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoMessage(value) : pseudoMessages(value),
    ]),
  );
}
