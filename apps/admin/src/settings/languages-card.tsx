import { LANGUAGE_NAMES, LANGUAGES, type Language } from '@kds/i18n';
import { useTranslation } from '@kds/i18n/react';
import { LanguageOptions } from '@kds/ui';
import { Card } from './fields.tsx';

export interface StoreLanguages {
  locale?: string | undefined;
  staffLanguage?: Language | undefined;
  guestLanguages?: Language[] | undefined;
}

/** Regions stores most often run in; the store's own stays listed whatever it is. */
const LOCALES = [
  'en-US',
  'en-CA',
  'en-GB',
  'en-IE',
  'en-AU',
  'en-NZ',
  'es-MX',
  'es-US',
  'es-ES',
  'es-AR',
  'es-CO',
  'es-CL',
  'es-PE',
  'fr-FR',
  'fr-CA',
  'de-DE',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'pt-PT',
  'ja-JP',
];

/** What the kitchen and console speak, what guests may choose, and the store's region. */
export function LanguagesCard({
  form,
  set,
}: {
  form: StoreLanguages;
  set: (change: StoreLanguages) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const locale = form.locale ?? 'en-US';
  const guests = form.guestLanguages ?? ['en'];
  return (
    <Card title={t('languages.title')} hint={t('languages.hint')}>
      <div className="form-grid">
        <label className="field">
          <span>{t('languages.locale')}</span>
          <select value={locale} onChange={(e) => set({ locale: e.target.value })}>
            {(LOCALES.includes(locale) ? LOCALES : [locale, ...LOCALES]).map((tag) => (
              <option key={tag} value={tag}>
                {names.of(tag) ?? tag} ({tag})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('languages.staffLanguage')}</span>
          <select
            value={form.staffLanguage ?? 'en'}
            onChange={(e) => set({ staffLanguage: e.target.value as Language })}
          >
            <LanguageOptions />
          </select>
        </label>
        <GuestLanguages guests={guests} set={set} />
      </div>
    </Card>
  );
}

/** The languages guests may choose, and the one their pages open in (the first). */
function GuestLanguages({
  guests,
  set,
}: {
  guests: Language[];
  set: (change: StoreLanguages) => void;
}) {
  const { t } = useTranslation('admin');
  const toggle = (language: Language, on: boolean) =>
    set({ guestLanguages: on ? [...guests, language] : guests.filter((l) => l !== language) });
  return (
    <>
      <fieldset className="field">
        <legend>{t('languages.guestLanguages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="check">
            <input
              type="checkbox"
              checked={guests.includes(l)}
              onChange={(e) => toggle(l, e.target.checked)}
            />
            <span lang={l}>{LANGUAGE_NAMES[l]}</span>
          </label>
        ))}
        {guests.length === 0 && (
          <small className="field__problem" role="alert">
            {t('languages.needOne')}
          </small>
        )}
      </fieldset>
      {guests.length > 1 && (
        <label className="field">
          <span>{t('languages.guestDefault')}</span>
          <select
            value={guests[0]}
            onChange={(e) =>
              set({
                guestLanguages: [
                  e.target.value as Language,
                  ...guests.filter((l) => l !== e.target.value),
                ],
              })
            }
          >
            <LanguageOptions languages={guests} />
          </select>
        </label>
      )}
    </>
  );
}
