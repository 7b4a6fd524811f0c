import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Payment = Outputs['order']['detail']['payments'][number];

/** Each payment of an order: amount, status (and what needs a look), refunds, fees, receipt. */
export function PaymentFacts({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation('admin');
  const { money, paymentWord } = useAdminFormat();
  return (
    <>
      {payments.map((p) => (
        <dl key={p.id} className="facts">
          <dt>{t('payment.amount')}</dt>
          <dd>{money(p.amountCents, p.currency)}</dd>
          <dt>{t('payment.status')}</dt>
          <dd>
            {paymentWord(p.status)}
            {p.flag && <strong className="flag">{t('payment.needsLook', { flag: p.flag })}</strong>}
          </dd>
          {p.refundedCents > 0 && (
            <>
              <dt>{t('payment.refunded')}</dt>
              <dd>{money(p.refundedCents, p.currency)}</dd>
            </>
          )}
          {p.feeCents !== null && (
            <>
              <dt>{t('payment.feeNet')}</dt>
              <dd>
                {money(p.feeCents, p.currency)} / {money(p.netCents ?? 0, p.currency)}
              </dd>
            </>
          )}
          {p.receiptUrl && (
            <>
              <dt>{t('payment.receipt')}</dt>
              <dd>
                <a href={p.receiptUrl} target="_blank" rel="noreferrer">
                  {t('payment.open')}
                </a>
              </dd>
            </>
          )}
        </dl>
      ))}
    </>
  );
}
