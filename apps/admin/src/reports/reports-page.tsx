import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { toMajor } from '@kds/api/client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { DayRangeFields, lastDays } from '../shared/date-range.tsx';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { ReportEmailsCard } from './report-emails-card.tsx';
import { Chart, SpreadTable } from './report-parts.tsx';
import { ReportTiles } from './report-tiles.tsx';

type Report = Outputs['report']['summary'];

/** Sales, kitchen times, rates and profit for a range of days, from the event log. */
export function ReportsPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const [range, setRange] = useState(() => lastDays(7));
  const report = useQuery(trpc.report.summary.queryOptions(range));

  return (
    <>
      <header className="page-head page-head--row">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="muted">{t('reports.intro')}</p>
        </div>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <DayRangeFields
            range={range}
            setRange={setRange}
            labels={{ from: t('reports.from'), to: t('reports.to') }}
          />
          <Link className="btn" href={`/exports?from=${range.from}&to=${range.to}`}>
            {t('reports.export')}
          </Link>
        </form>
      </header>
      {report.error && <Problem error={report.error} />}
      {!report.data ? <Loading /> : <ReportBody report={report.data} />}
      <ReportEmailsCard />
    </>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <ReportTiles report={report} />
      <SalesCharts report={report} />
      <div className="grid-2">
        <SpreadTable
          title={t('reports.byStation')}
          column={t('reports.station')}
          rows={report.ticketTimes.byStation.map((s) => ({ key: s.station, ...s }))}
        />
        <SpreadTable
          title={t('reports.byItem')}
          column={t('reports.item')}
          rows={report.ticketTimes.byItem.map((s) => ({ key: s.item, ...s }))}
        />
      </div>
      <div className="grid-2">
        <SpreadTable
          title={t('reports.byHourPlaced')}
          column={t('reports.hour')}
          rows={report.ticketTimes.byHour.map((s) => ({
            key: `${String(s.hour).padStart(2, '0')}:00`,
            ...s,
          }))}
        />
        <ProfitCard report={report} />
      </div>
    </>
  );
}

/** Orders by hour of the day and revenue by day, as charts. */
function SalesCharts({ report }: { report: Report }) {
  const { t } = useTranslation('admin');
  const hours = report.byHour.filter((h) => h.orders > 0);
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="by-hour">
        <h2 id="by-hour">{t('reports.byHour')}</h2>
        {hours.length === 0 ? (
          <p className="muted">{t('reports.noOrders')}</p>
        ) : (
          <Chart data={report.byHour} x="hour" y="orders" label={t('reports.orders')} />
        )}
      </section>
      <section className="card" aria-labelledby="by-day">
        <h2 id="by-day">{t('reports.byDay')}</h2>
        {report.byDay.length === 0 ? (
          <p className="muted">{t('reports.noOrders')}</p>
        ) : (
          <Chart
            data={report.byDay.map((d) => ({
              ...d,
              revenue: toMajor(d.revenueCents, report.currency),
            }))}
            x="day"
            y="revenue"
            label={t('reports.revenueIn', { currency: report.currency })}
          />
        )}
      </section>
    </div>
  );
}

/** What is left of the sales after item costs, payment fees and messages; the best sellers. */
function ProfitCard({ report }: { report: Report }) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const cur = (cents: number) => money(cents, report.currency);
  return (
    <section className="card" aria-labelledby="profit">
      <h2 id="profit">{t('reports.profit')}</h2>
      <dl className="facts">
        <dt>{t('reports.netSales')}</dt>
        <dd>{cur(report.profit.netSalesCents)}</dd>
        <dt>{t('reports.itemCost')}</dt>
        <dd>− {cur(report.profit.itemCostCents)}</dd>
        <dt>{t('reports.fees')}</dt>
        <dd>− {cur(report.profit.paymentFeesCents)}</dd>
        <dt>{t('reports.messageCosts')}</dt>
        <dd>− {cur(report.profit.messageCostCents)}</dd>
        <dt>
          <strong>{t('reports.profit')}</strong>
        </dt>
        <dd>
          <strong>{cur(report.profit.profitCents)}</strong>
        </dd>
      </dl>
      <h2>{t('reports.topItems')}</h2>
      <ol>
        {report.topItems.map((i) => (
          <li key={i.name}>
            {t('reports.topItem', {
              name: i.name,
              quantity: i.quantity,
              revenue: cur(i.revenueCents),
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
