import { Trans, useTranslation } from '@kds/i18n/react';
import { useFormat } from '@kds/ui';
import type { Tracked } from '../shared/types.ts';

/** Before payment: until when the guest can pay, and when the order will then be ready. */
export function PaymentTerms({ order }: { order: Tracked }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  if (!order.payBy) return null;
  // Within the day the store's clock is enough; later, the weekday goes with it.
  const sameDay = Date.parse(order.payBy) - Date.now() < 12 * 3_600_000;
  const payBy = sameDay ? format.clock(order.payBy) : format.dayClock(order.payBy);
  return (
    <div className="pay-terms">
      {order.fireAt ? (
        <p className="eta">{t('track.readyAt', { time: format.clock(order.fireAt) })}</p>
      ) : (
        order.readyMinutesAfterPayment !== null && (
          <p className="eta">
            {t('track.readyAfterPaying', { minutes: order.readyMinutesAfterPayment })}
          </p>
        )
      )}
      <p className="muted">{t('track.payBy', { time: payBy })}</p>
    </div>
  );
}

/** An order nobody paid in time: say so, and how to order again. */
export function ExpiredNote({ order }: { order: Tracked }) {
  const { t } = useTranslation('guest');
  const phone = order.store?.phone;
  const store = order.store?.name ?? '';
  return (
    <div className="pay-terms">
      <p>{t('track.expired')}</p>
      {phone ? (
        <p>
          <Trans
            t={t}
            i18nKey="track.callToOrder"
            values={{ store, phone }}
            components={{ tel: <a className="tel" href={`tel:${phone}`} /> }}
          />
        </p>
      ) : (
        <p>{t('track.visitToOrder', { store })}</p>
      )}
    </div>
  );
}
