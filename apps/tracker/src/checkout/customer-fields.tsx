import { useTranslation } from '@kds/i18n/react';
import type { ReactNode } from 'react';

/**
 * Who the order is for and how to reach them, with an explicit consent for each channel.
 * Uncontrolled inputs: the checkout form reads them when the order is placed.
 */
export function CustomerFields({ problem }: { problem: (path: string) => ReactNode }) {
  const { t } = useTranslation('guest');
  return (
    <>
      <label className="field">
        <span>{t('checkout.name')}</span>
        <input name="name" autoComplete="name" required maxLength={80} />
        {problem('customer.name')}
      </label>
      <label className="field">
        <span>{t('checkout.mobile')}</span>
        <input name="phone" type="tel" autoComplete="tel" />
        {problem('customer.phone')}
      </label>
      <label className="check">
        <input type="checkbox" name="sms" /> {t('checkout.textMe')}
      </label>
      <label className="check">
        <input type="checkbox" name="call" /> {t('checkout.callMe')}
      </label>
      <label className="field">
        <span>{t('checkout.email')}</span>
        <input name="email" type="email" autoComplete="email" />
        {problem('customer.email')}
      </label>
      <label className="check">
        <input type="checkbox" name="emailConsent" /> {t('checkout.emailMe')}
      </label>
      <label className="field">
        <span>{t('checkout.notes')}</span>
        <textarea name="notes" maxLength={500} rows={2} />
        {problem('notes')}
      </label>
    </>
  );
}
