/** The languages KDS is translated into. A store chooses among these. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The pseudo-locale: English with every letter accented, a third longer and fenced in ⟦ ⟧, so
 * a screen shows at a glance which text skipped the catalogue and which labels overflow. Never
 * offered to a store; a screen opened with `?lang=en-XA` uses it.
 */
export const PSEUDO = 'en-XA';
export type UiLanguage = Language | typeof PSEUDO;

/** Each language named in itself, as a switcher shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === PSEUDO || isLanguage(value);
}

/**
 * The first of the visitor's preferred languages (`navigator.languages`, Accept-Language) that
 * the store offers, matched on the language alone ("es-419" is Spanish); otherwise the store's
 * first.
 */
export function pickLanguage(
  preferred: readonly string[],
  offered: readonly Language[],
): Language | undefined {
  for (const tag of preferred) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = offered.find((l) => l === base);
    if (match) return match;
  }
  return offered[0];
}
