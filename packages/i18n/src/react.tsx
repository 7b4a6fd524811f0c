import { useLayoutEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n, ensureLanguage } from './index.ts';
import {
  isUiLanguage,
  LANGUAGES,
  pickLanguage,
  type Language,
  type UiLanguage,
} from './languages.ts';

export { Trans, useTranslation } from 'react-i18next';

const KEPT = 'kds.lang';

/**
 * A language this tab asked for: `?lang=es` in the address (kept for the tab's later pages),
 * which wins over the store's and the account's choice. The pseudo-locale is reached this way.
 */
export function requestedLanguage(): UiLanguage | undefined {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isUiLanguage(asked)) {
    sessionStorage.setItem(KEPT, asked);
    return asked;
  }
  const kept = sessionStorage.getItem(KEPT);
  return isUiLanguage(kept) ? kept : undefined;
}

/**
 * This tab now reads `language` (a switcher's choice): kept in its address, so a reload or a
 * link copied from it opens the same way.
 */
export function requestLanguage(language: UiLanguage): void {
  const url = new URL(location.href);
  url.searchParams.set('lang', language);
  history.replaceState(history.state, '', url);
  sessionStorage.setItem(KEPT, language);
}

/** Before the server says whose screen this is: the tab's request, else the browser's. */
export function initialLanguage(offered: readonly Language[] = LANGUAGES): UiLanguage {
  return requestedLanguage() ?? pickLanguage(navigator.languages, offered) ?? 'en';
}

/** The app's translations, starting in `language`; `useAppLanguage` moves it later. */
export function I18nRoot({ language, children }: { language: UiLanguage; children: ReactNode }) {
  const [i18n] = useState(() => createI18n(language));
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/**
 * Switches the app to the language the server chose (the account's, the store's, the guest's),
 * unless this tab asked for one; the page's `lang` follows, for screen readers and hyphenation.
 */
export function useAppLanguage(language: UiLanguage | undefined): void {
  const { i18n } = useTranslation();
  useLayoutEffect(() => {
    const target = requestedLanguage() ?? language;
    if (target && target !== i18n.language) {
      ensureLanguage(i18n, target);
      void i18n.changeLanguage(target);
    }
    document.documentElement.lang = i18n.language;
  }, [i18n, language]);
}
