import { useTRPC } from '@kds/ui';
import { toMajor } from '@kds/api/client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { money } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { ReportEmailsCard } from './report-emails-card.tsx';
import { Chart, SpreadTable } from './report-parts.tsx';
import { ReportTiles } from './report-tiles.tsx';

type Report = Outputs['report']['summary'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Sales, kitchen times, rates and profit for a range of days, from the event log. */
export function ReportsPage() {
  const trpc = useTRPC();
  const today = isoDay(new Date());
  const [range, setRange] = useState({
    from: isoDay(new Date(Date.now() - 6 * 86_400_000)),
    to: today,
  });
  const report = useQuery(trpc.report.summary.queryOptions(range));

  return (
    <>
      <header className="page-head page-head--row">
        <div>
          <h1>Reports</h1>
          <p className="muted">
            Ticket times are replayed from the kitchen's events (a recall counts to the last bump);
            p50/p90 are nearest-rank.
          </p>
        </div>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>From</span>
            <input
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
            />
          </label>
          <label className="field">
            <span>To</span>
            <input
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
            />
          </label>
          <Link className="btn" href={`/exports?from=${range.from}&to=${range.to}`}>
            Export these days
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
  const cur = (cents: number) => money(cents, report.currency);
  const hours = report.byHour.filter((h) => h.orders > 0);
  return (
    <>
      <ReportTiles report={report} />
      <div className="grid-2">
        <section className="card" aria-labelledby="by-hour">
          <h2 id="by-hour">Orders by hour</h2>
          {hours.length === 0 ? (
            <p className="muted">No orders in this range.</p>
          ) : (
            <Chart data={report.byHour} x="hour" y="orders" label="Orders" />
          )}
        </section>
        <section className="card" aria-labelledby="by-day">
          <h2 id="by-day">Revenue by day</h2>
          {report.byDay.length === 0 ? (
            <p className="muted">No orders in this range.</p>
          ) : (
            <Chart
              data={report.byDay.map((d) => ({
                ...d,
                revenue: toMajor(d.revenueCents, report.currency),
              }))}
              x="day"
              y="revenue"
              label={`Revenue (${report.currency})`}
            />
          )}
        </section>
      </div>
      <div className="grid-2">
        <SpreadTable
          title="Ticket times by station"
          rows={report.ticketTimes.byStation.map((s) => ({ key: s.station, ...s }))}
        />
        <SpreadTable
          title="Ticket times by item"
          rows={report.ticketTimes.byItem.map((s) => ({ key: s.item, ...s }))}
        />
      </div>
      <div className="grid-2">
        <SpreadTable
          title="Time to ready by hour placed"
          rows={report.ticketTimes.byHour.map((s) => ({
            key: `${String(s.hour).padStart(2, '0')}:00`,
            ...s,
          }))}
        />
        <section className="card" aria-labelledby="profit">
          <h2 id="profit">Profit</h2>
          <dl className="facts">
            <dt>Net sales (before tax and tips, after refunds)</dt>
            <dd>{cur(report.profit.netSalesCents)}</dd>
            <dt>Item cost</dt>
            <dd>− {cur(report.profit.itemCostCents)}</dd>
            <dt>Payment fees</dt>
            <dd>− {cur(report.profit.paymentFeesCents)}</dd>
            <dt>Message costs</dt>
            <dd>− {cur(report.profit.messageCostCents)}</dd>
            <dt>
              <strong>Profit</strong>
            </dt>
            <dd>
              <strong>{cur(report.profit.profitCents)}</strong>
            </dd>
          </dl>
          <h2>Top items</h2>
          <ol>
            {report.topItems.map((i) => (
              <li key={i.name}>
                {i.name}: {i.quantity} sold, {cur(i.revenueCents)}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
