import { useTranslation } from '@kds/i18n/react';
import type { Outputs } from '../shared/types.ts';

type Services = Outputs['store']['mine']['services'];

/**
 * What the server only pretends to do, said on every page: in production a simulated checkout
 * means the kitchen cooks orders nobody paid for, so it is a red banner; recorded texts and
 * email are named too, so nobody believes a guest was told.
 */
export function ServiceNotices({ services }: { services: Services }) {
  const { t } = useTranslation('admin');
  const texts = services.sms === 'recorded';
  const email = services.email === 'recorded';
  const simulated = !services.production && services.payments === 'simulated';
  const parts = [
    ...(simulated ? [t('serviceNotices.paymentsSimulated')] : []),
    ...(texts && email
      ? [t('serviceNotices.recordedAll')]
      : texts
        ? [t('serviceNotices.recordedTexts')]
        : email
          ? [t('serviceNotices.recordedEmail')]
          : []),
  ];
  return (
    <>
      {services.production && services.payments === 'simulated' && (
        <p className="banner banner--danger" role="alert">
          {t('serviceNotices.simulatedInProduction')}
        </p>
      )}
      {parts.length > 0 && (
        <p className="banner banner--info">
          {t('serviceNotices.notConnected', { what: parts.join('; ') })}
        </p>
      )}
    </>
  );
}
