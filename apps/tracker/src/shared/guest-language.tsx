import { isLanguage, pickLanguage, type Language } from '@kds/i18n';
import { requestLanguage, useAppLanguage, useTranslation } from '@kds/i18n/react';
import { LanguageOptions, StoreRegionProvider } from '@kds/ui';
import type { ReactNode } from 'react';

const CHOSEN = 'kds.guest.language';

export interface GuestLocale {
  locale: string;
  timezone: string;
  currency?: string;
  guestLanguages: Language[];
}

/**
 * A guest's page speaks what they chose on this device, else the language they ordered in (on
 * the tracker), else the first of their browser's languages the store offers.
 */
export function guestLanguage(offered: readonly Language[], ordered?: Language | null): Language {
  const chosen = localStorage.getItem(CHOSEN);
  if (isLanguage(chosen) && offered.includes(chosen)) return chosen;
  if (ordered && offered.includes(ordered)) return ordered;
  return pickLanguage(navigator.languages, offered) ?? 'en';
}

/** The store's language, clock, zone and currency for the guest page below. */
export function GuestRegion(props: {
  store: GuestLocale;
  ordered?: Language | null;
  children: ReactNode;
}) {
  const { store } = props;
  useAppLanguage(guestLanguage(store.guestLanguages, props.ordered));
  const region = {
    storeLocale: store.locale,
    timeZone: store.timezone,
    currency: store.currency ?? 'USD',
  };
  return <StoreRegionProvider region={region}>{props.children}</StoreRegionProvider>;
}

/** The languages the store offers its guests, each named in itself; hidden with only one. */
export function LanguageSwitcher({ offered }: { offered: readonly Language[] }) {
  const { t, i18n } = useTranslation();
  if (offered.length < 2) return null;
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.language}
        onChange={(e) => {
          const language = e.target.value as Language;
          localStorage.setItem(CHOSEN, language);
          requestLanguage(language);
          void i18n.changeLanguage(language);
          document.documentElement.lang = language;
        }}
      >
        <LanguageOptions languages={offered} />
      </select>
    </label>
  );
}
