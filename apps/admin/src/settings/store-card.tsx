import { useTranslation } from '@kds/i18n/react';
import { Card, CurrencySelect, LocationFields, Text, ZoneSelect } from './fields.tsx';
import type { CardProps, Loaded } from './form.ts';

/** Name, address, zone, currency, location: what identifies the store to guests. */
export function StoreCard({ form, set, setSettings, loaded }: CardProps & { loaded: Loaded }) {
  const { t } = useTranslation('admin');
  const renamed = form.slug !== loaded.slug;
  return (
    <Card title={t('store.title')}>
      <div className="form-grid">
        <Text label={t('store.name')} value={form.name} onChange={(name) => set({ name })} />
        <Text
          label={t('store.address')}
          value={form.slug}
          onChange={(slug) => set({ slug: slug.toLowerCase() })}
        />
        <Text
          label={t('store.phone')}
          value={form.settings.phone ?? ''}
          onChange={(v) => setSettings({ phone: v.trim() || undefined })}
        />
        <ZoneSelect value={form.timezone} onChange={(timezone) => set({ timezone })} />
        <CurrencySelect value={form.currency} onChange={(currency) => set({ currency })} />
        <LocationFields
          value={form.settings.location}
          onChange={(location) => setSettings({ location })}
        />
      </div>
      {renamed && (
        <p className="notice" role="status">
          {t('store.renamed', { slug: form.slug, old: loaded.slug })}
        </p>
      )}
      {loaded.formerSlugs.length > 0 && (
        <p className="muted small">{t('store.former', { slugs: loaded.formerSlugs.join(', ') })}</p>
      )}
      <p className="muted small">{t('store.currencyNote')}</p>
    </Card>
  );
}
