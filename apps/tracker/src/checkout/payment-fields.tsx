import { useTranslation } from '@kds/i18n/react';
import { useState, type ReactNode } from 'react';

/** No tip, or one of the store's percentages of the subtotal. */
export function TipChoice(props: {
  presets: number[];
  value: number;
  onChange: (percent: number) => void;
}) {
  const { t } = useTranslation('guest');
  return (
    <fieldset className="segmented">
      <legend>{t('checkout.tip')}</legend>
      {[0, ...props.presets].map((p) => (
        <label key={p}>
          <input
            type="radio"
            name="tip"
            checked={props.value === p}
            onChange={() => props.onChange(p)}
          />{' '}
          {p === 0 ? t('checkout.noTip') : t('checkout.tipPercent', { percent: p })}
        </label>
      ))}
    </fieldset>
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
  return (
    <fieldset className="segmented">
      <legend>{t('checkout.payment')}</legend>
      {(['counter', 'online'] as const).map((payment) => (
        <label key={payment}>
          <input
            type="radio"
            name="payment"
            checked={props.value === payment}
            onChange={() => props.onChange(payment)}
          />{' '}
          {payment === 'counter' ? t('checkout.atCounter') : t('checkout.online')}
        </label>
      ))}
    </fieldset>
  );
}
