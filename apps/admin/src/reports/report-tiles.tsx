import { Tile } from '../shared/feedback.tsx';
import { duration, money } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Report = Outputs['report']['summary'];

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

/**
 * The report's headline numbers: totals, rates, discounts (the two biggest codes) and tips, and
 * for a store that delivers, its deliveries.
 */
export function ReportTiles({ report }: { report: Report }) {
  const cur = (cents: number) => money(cents, report.currency);
  return (
    <>
      <section className="tiles" aria-label="Totals">
        <Tile label="Orders" value={String(report.orders)} />
        <Tile label="Revenue" value={cur(report.revenueCents)} />
        <Tile label="Profit" value={cur(report.profit.profitCents)} />
        <Tile
          label="Time to ready (p50 / p90)"
          value={`${duration(report.timeToReady.p50)} / ${duration(report.timeToReady.p90)}`}
        />
      </section>
      <section className="tiles" aria-label="Rates">
        <Tile label="Completed" value={percent(report.rates.completion)} />
        <Tile label="Canceled" value={percent(report.rates.cancellation)} />
        <Tile label="Online orders paid" value={percent(report.rates.paymentConversion)} />
        <Tile
          label="Texts / emails delivered"
          value={`${percent(report.delivery.sms.rate)} / ${percent(report.delivery.email.rate)}`}
        />
      </section>
      <section className="tiles" aria-label="Discounts and tips">
        <Tile
          label={`Discounts (${report.discounts.orders} orders)`}
          value={cur(report.discounts.cents)}
        />
        {report.discounts.byCode.slice(0, 2).map((d) => (
          <Tile key={d.code} label={`${d.code} (${d.orders} orders)`} value={cur(d.cents)} />
        ))}
        <Tile label="Tips" value={cur(report.tipsCents)} />
      </section>
      {report.deliveries.timeToDispatch.count > 0 && (
        <section className="tiles" aria-label="Deliveries">
          <Tile label="Deliveries sent" value={String(report.deliveries.timeToDispatch.count)} />
          <Tile
            label="Ready to dispatch (p50 / p90)"
            value={`${duration(report.deliveries.timeToDispatch.p50)} / ${duration(report.deliveries.timeToDispatch.p90)}`}
          />
          <Tile
            label="On the road (p50 / p90)"
            value={`${duration(report.deliveries.timeOnTheRoad.p50)} / ${duration(report.deliveries.timeOnTheRoad.p90)}`}
          />
        </section>
      )}
    </>
  );
}
