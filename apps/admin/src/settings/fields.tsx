import { useTranslation } from '@kds/i18n/react';
import type { ReactNode } from 'react';

/** A titled section of a settings form. */
export function Card({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </section>
  );
}

export function Text({
  label,
  value,
  onChange,
  hint,
  type = 'text',
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={hint}
        autoComplete={autoComplete}
      />
    </label>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A number field's text as a number (empty: 0; the server checks the range). */
export const numberOf = (text: string) => (text === '' ? 0 : Number(text));

const zones = Intl.supportedValuesOf('timeZone');
const currencies = Intl.supportedValuesOf('currency');

/** Every time zone this browser knows, by its IANA name (the server checks it too). */
export function ZoneSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('admin');
  return (
    <label className="field">
      <span>{t('store.timezone')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {(zones.includes(value) ? zones : [value, ...zones]).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CurrencySelect({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation('admin');
  const currencyName = new Intl.DisplayNames([i18n.language], { type: 'currency' });
  return (
    <label className="field">
      <span>{t('store.currency')}</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code} · {currencyName.of(code)}
          </option>
        ))}
      </select>
    </label>
  );
}

export type PaymentMode = 'online' | 'counter' | 'both';

export function PaymentSelect({
  value,
  onChange,
}: {
  value: PaymentMode;
  onChange: (v: PaymentMode) => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <label className="field">
      <span>{t('store.payment')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as PaymentMode)}>
        {(['both', 'online', 'counter'] as const).map((mode) => (
          <option key={mode} value={mode}>
            {t(`store.paymentModes.${mode}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Where deliveries start from: two numbers, or nothing (the store does not deliver). */
export function LocationFields({
  value,
  onChange,
}: {
  value: { latitude: number; longitude: number } | undefined;
  onChange: (v: { latitude: number; longitude: number } | undefined) => void;
}) {
  const { t } = useTranslation('admin');
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  const update = (latitude: string, longitude: string) =>
    onChange(
      latitude === '' && longitude === ''
        ? undefined
        : { latitude: numberOf(latitude), longitude: numberOf(longitude) },
    );
  return (
    <>
      <Text
        label={t('store.latitude')}
        value={text(value?.latitude)}
        hint={t('store.latitudeHint')}
        onChange={(v) => update(v, text(value?.longitude))}
      />
      <Text
        label={t('store.longitude')}
        value={text(value?.longitude)}
        hint={t('store.longitudeHint')}
        onChange={(v) => update(text(value?.latitude), v)}
      />
    </>
  );
}
