import { useTranslation } from '@kds/i18n/react';
import { Tile } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Report = Outputs['report']['summary'];

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/**
 * The report's headline numbers: totals, rates, discounts (the two biggest codes) and tips, and
 * for a store that delivers, its deliveries.
 */
export function ReportTiles({ report }: { report: Report }) {
  const { t } = useTranslation('admin');
  const { duration, money } = useAdminFormat();
  const cur = (cents: number) => money(cents, report.currency);
  const spread = (s: { p50: number | null; p90: number | null }) =>
    t('reports.pair', { p50: duration(s.p50), p90: duration(s.p90) });
  return (
    <>
      <section className="tiles" aria-label={t('reports.totals')}>
        <Tile label={t('reports.orders')} value={String(report.orders)} />
        <Tile label={t('reports.revenue')} value={cur(report.revenueCents)} />
        <Tile label={t('reports.profit')} value={cur(report.profit.profitCents)} />
        <Tile label={t('reports.timeToReady')} value={spread(report.timeToReady)} />
      </section>
      <section className="tiles" aria-label={t('reports.rates')}>
        <Tile label={t('reports.completed')} value={percent(report.rates.completion)} />
        <Tile label={t('reports.canceled')} value={percent(report.rates.cancellation)} />
        <Tile label={t('reports.paidOnline')} value={percent(report.rates.paymentConversion)} />
        <Tile
          label={t('reports.delivered')}
          value={t('reports.pair', {
            p50: percent(report.delivery.sms.rate),
            p90: percent(report.delivery.email.rate),
          })}
        />
      </section>
      <section className="tiles" aria-label={t('reports.discountsTips')}>
        <Tile
          label={t('reports.discounts', { count: report.discounts.orders })}
          value={cur(report.discounts.cents)}
        />
        {report.discounts.byCode.slice(0, 2).map((d) => (
          <Tile
            key={d.code}
            label={t('reports.code', { code: d.code, count: d.orders })}
            value={cur(d.cents)}
          />
        ))}
        <Tile label={t('reports.tips')} value={cur(report.tipsCents)} />
      </section>
      {report.deliveries.timeToDispatch.count > 0 && (
        <section className="tiles" aria-label={t('reports.deliveries')}>
          <Tile
            label={t('reports.deliveriesSent')}
            value={String(report.deliveries.timeToDispatch.count)}
          />
          <Tile label={t('reports.toDispatch')} value={spread(report.deliveries.timeToDispatch)} />
          <Tile label={t('reports.onTheRoad')} value={spread(report.deliveries.timeOnTheRoad)} />
        </section>
      )}
    </>
  );
}
