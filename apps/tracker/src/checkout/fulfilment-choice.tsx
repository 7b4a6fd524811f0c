import { useTranslation } from '@kds/i18n/react';
export type Fulfilment =
  | { type: 'dine_in'; table: string }
  | { type: 'pickup' }
  | { type: 'delivery'; address: string; postcode: string };

/**
 * Eat here (with a table from the QR code), take away, or delivery where the store offers it.
 * The address is sent for checking when the guest leaves the field, not on every keystroke.
 */
export function FulfilmentChoice(props: {
  table: string | null;
  deliveryAvailable: boolean;
  value: Fulfilment;
  onChange(value: Fulfilment): void;
  problem: (path: string) => React.ReactNode;
}) {
  const { t } = useTranslation('guest');
  const { table, value, onChange } = props;
  const delivery =
    value.type === 'delivery' ? value : { type: 'delivery' as const, address: '', postcode: '' };
  if (!table && !props.deliveryAvailable) return null;
  return (
    <>
      <fieldset className="segmented">
        <legend>{t('checkout.how')}</legend>
        {table && (
          <label>
            <input
              type="radio"
              name="where"
              checked={value.type === 'dine_in'}
              onChange={() => onChange({ type: 'dine_in', table })}
            />{' '}
            {t('checkout.hereAtTable', { table })}
          </label>
        )}
        <label>
          <input
            type="radio"
            name="where"
            checked={value.type === 'pickup'}
            onChange={() => onChange({ type: 'pickup' })}
          />{' '}
          {table ? t('checkout.takeAway') : t('checkout.pickup')}
        </label>
        {props.deliveryAvailable && (
          <label>
            <input
              type="radio"
              name="where"
              checked={value.type === 'delivery'}
              onChange={() => onChange(delivery)}
            />{' '}
            {t('checkout.delivery')}
          </label>
        )}
      </fieldset>
      {value.type === 'delivery' && (
        <>
          <label className="field">
            <span>{t('checkout.address')}</span>
            <input
              defaultValue={value.address}
              autoComplete="street-address"
              maxLength={300}
              onBlur={(e) => onChange({ ...value, address: e.target.value.trim() })}
            />
            {props.problem('fulfilment.address')}
          </label>
          <label className="field">
            <span>{t('checkout.postcode')}</span>
            <input
              defaultValue={value.postcode}
              autoComplete="postal-code"
              maxLength={12}
              onBlur={(e) => onChange({ ...value, postcode: e.target.value.trim() })}
            />
            {props.problem('fulfilment.postcode')}
          </label>
        </>
      )}
    </>
  );
}
