import { Trans, useTranslation } from '@kds/i18n/react';
import type { Tracked } from '../shared/types.ts';

/** Who is bringing the order, when the store said. */
export function Driver({ order }: { order: Tracked }) {
  const { t } = useTranslation('guest');
  if (!order.driver) return <p className="eta">{t('track.driverUnknown')}</p>;
  const { name, phone } = order.driver;
  return (
    <p className="eta">
      {phone ? (
        <Trans
          t={t}
          i18nKey="track.driverCall"
          values={{ driver: name, phone }}
          components={{ tel: <a className="tel" href={`tel:${phone}`} /> }}
        />
      ) : (
        t('track.driver', { driver: name })
      )}
    </p>
  );
}
