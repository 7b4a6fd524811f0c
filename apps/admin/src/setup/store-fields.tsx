import { useTranslation } from '@kds/i18n/react';
import { LANGUAGES, pickLanguage } from '@kds/i18n';
import { LanguagesCard } from '../settings/languages-card.tsx';
import type { Inputs } from '../shared/types.ts';
import {
  Card,
  CurrencySelect,
  LocationFields,
  numberOf,
  PaymentSelect,
  Text,
  ZoneSelect,
} from '../settings/fields.tsx';
import { OpeningHoursEditor } from '../settings/opening-hours-editor.tsx';

export type NewStore = Inputs['store']['create'];

const guessedZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** This browser's locale when it names a region ("es-MX"), else en-US. */
function guessedLocale(): string {
  const tag = navigator.languages.find((l) => new Intl.Locale(l).region) ?? 'en-US';
  return new Intl.Locale(tag).toString();
}

/**
 * A sensible start: this browser's zone, region and language, counter payment, open every day
 * 11 to 22.
 */
export const blankStore = (): NewStore => {
  const locale = guessedLocale();
  const language = pickLanguage([locale], LANGUAGES) ?? 'en';
  return {
    name: '',
    slug: '',
    timezone: guessedZone,
    currency: 'USD',
    locale,
    staffLanguage: language,
    guestLanguages: [language],
    paymentMode: 'counter',
    taxRateBps: 0,
    openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '11:00', closes: '22:00' })),
  };
};

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63);

/** Everything a new store needs, for the first-run page and "Open a store". */
export function StoreFields({
  value,
  onChange,
}: {
  value: NewStore;
  onChange: (store: NewStore) => void;
}) {
  const { t } = useTranslation('admin');
  const set = (change: Partial<NewStore>) => onChange({ ...value, ...change });
  return (
    <>
      <Card title={t('setup.storeTitle')}>
        <div className="form-grid">
          <Text
            label={t('setup.storeName')}
            value={value.name}
            onChange={(name) =>
              set({ name, ...(value.slug === slugOf(value.name) ? { slug: slugOf(name) } : {}) })
            }
          />
          <Text
            label={t('store.address')}
            value={value.slug}
            hint={t('setup.slugHint')}
            onChange={(slug) => set({ slug: slug.toLowerCase() })}
          />
          <ZoneSelect value={value.timezone} onChange={(timezone) => set({ timezone })} />
          <CurrencySelect value={value.currency} onChange={(currency) => set({ currency })} />
          <PaymentSelect
            value={value.paymentMode}
            onChange={(paymentMode) => set({ paymentMode })}
          />
          <Text
            label={t('setup.tax')}
            value={String((value.taxRateBps ?? 0) / 100)}
            onChange={(v) => set({ taxRateBps: Math.round(numberOf(v) * 100) })}
          />
          <LocationFields value={value.location} onChange={(location) => set({ location })} />
        </div>
        <p className="muted small">{t('setup.storeNote')}</p>
      </Card>
      <LanguagesCard form={value} set={set} />
      <Card title={t('hours.title')} hint={t('setup.hoursHint')}>
        <OpeningHoursEditor
          value={value.openingHours}
          onChange={(openingHours) => set({ openingHours })}
        />
      </Card>
    </>
  );
}
