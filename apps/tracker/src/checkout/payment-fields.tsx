import { useTranslation } from '@kds/i18n/react';
import { useState, type ReactNode } from 'react';

/** One choice of a few, as a row of radio buttons. */
function Segmented<T extends string | number>(props: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** No tip, or one of the store's percentages of the subtotal. */
export function TipChoice(props: {
  presets: number[];
  value: number;
  onChange: (percent: number) => void;
}) {
  const { t } = useTranslation('guest');
  const options = [0, ...props.presets].map((p) => ({
    value: p,
    label: p === 0 ? t('checkout.noTip') : t('checkout.tipPercent', { percent: p }),
  }));
  return (
    <Segmented
      legend={t('checkout.tip')}
      name="tip"
      options={options}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/** A discount code, priced in the preview once the guest applies it. */
export function DiscountField(props: {
  onApply: (code: string | undefined) => void;
  problem: ReactNode;
}) {
  const { t } = useTranslation('guest');
  const [code, setCode] = useState('');
  return (
    <div className="field">
      <label htmlFor="code">{t('checkout.discountCode')}</label>
      <div className="inline">
        <input id="code" value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} />
        <button
          type="button"
          className="secondary"
          onClick={() => props.onApply(code.trim() || undefined)}
        >
          {t('checkout.apply')}
        </button>
      </div>
      {props.problem}
    </div>
  );
}

/** Where a store takes both: at the counter, or online now. */
export function PaymentChoice(props: {
  value: 'counter' | 'online';
  onChange: (payment: 'counter' | 'online') => void;
}) {
  const { t } = useTranslation('guest');
  const options = [
    { value: 'counter' as const, label: t('checkout.atCounter') },
    { value: 'online' as const, label: t('checkout.online') },
  ];
  return <Segmented legend={t('checkout.payment')} name="payment" options={options} {...props} />;
}
