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

/** A sensible start: this browser's zone, counter payment, open every day 11 to 22. */
export const blankStore = (): NewStore => ({
  name: '',
  slug: '',
  timezone: guessedZone,
  currency: 'USD',
  paymentMode: 'counter',
  taxRateBps: 0,
  openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '11:00', closes: '22:00' })),
});

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
  const set = (change: Partial<NewStore>) => onChange({ ...value, ...change });
  return (
    <>
      <Card title="The store">
        <div className="form-grid">
          <Text
            label="Store name"
            value={value.name}
            onChange={(name) =>
              set({ name, ...(value.slug === slugOf(value.name) ? { slug: slugOf(name) } : {}) })
            }
          />
          <Text
            label="Web address: /order/…"
            value={value.slug}
            hint="marios-pizza"
            onChange={(slug) => set({ slug: slug.toLowerCase() })}
          />
          <ZoneSelect value={value.timezone} onChange={(timezone) => set({ timezone })} />
          <CurrencySelect value={value.currency} onChange={(currency) => set({ currency })} />
          <PaymentSelect
            value={value.paymentMode}
            onChange={(paymentMode) => set({ paymentMode })}
          />
          <Text
            label="Tax added to prices (%)"
            value={String((value.taxRateBps ?? 0) / 100)}
            onChange={(v) => set({ taxRateBps: Math.round(numberOf(v) * 100) })}
          />
          <LocationFields value={value.location} onChange={(location) => set({ location })} />
        </div>
        <p className="muted small">
          Online payment needs Stripe keys on the server; until then take payment at the counter.
          Without a location the store does not deliver. All of it can be changed later in Settings.
        </p>
      </Card>
      <Card title="Opening hours" hint="In the store's time zone; 24:00 for midnight.">
        <OpeningHoursEditor
          value={value.openingHours}
          onChange={(openingHours) => set({ openingHours })}
        />
      </Card>
    </>
  );
}
