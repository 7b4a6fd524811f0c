import { Card, CurrencySelect, LocationFields, Text, ZoneSelect } from './fields.tsx';
import type { CardProps, Loaded } from './form.ts';

/** Name, address, zone, currency, location: what identifies the store to guests. */
export function StoreCard({ form, set, setSettings, loaded }: CardProps & { loaded: Loaded }) {
  const renamed = form.slug !== loaded.slug;
  return (
    <Card title="Store">
      <div className="form-grid">
        <Text label="Name" value={form.name} onChange={(name) => set({ name })} />
        <Text
          label="Web address: /order/…"
          value={form.slug}
          onChange={(slug) => set({ slug: slug.toLowerCase() })}
        />
        <Text
          label="Phone guests call (+15551234567)"
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
          Guests will find the store at /order/{form.slug}. QR codes and links printed with /order/
          {loaded.slug} keep working: the old address stays reserved for this store.
        </p>
      )}
      {loaded.formerSlugs.length > 0 && (
        <p className="muted small">
          Former addresses that still lead here: {loaded.formerSlugs.join(', ')}.
        </p>
      )}
      <p className="muted small">
        The currency can change only before the first order. Without a location the store does not
        deliver.
      </p>
    </Card>
  );
}
