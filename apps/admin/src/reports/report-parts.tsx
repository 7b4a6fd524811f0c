import { useTranslation } from '@kds/i18n/react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Spread = Outputs['report']['summary']['timeToReady'];

export function Chart({
  data,
  x,
  y,
  label,
}: {
  data: Record<string, unknown>[];
  x: string;
  y: string;
  label: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <div
      style={{ width: '100%', height: 240 }}
      role="img"
      aria-label={t('reports.chart', { label })}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={x} tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
          <Tooltip />
          <Bar
            dataKey={y}
            name={label}
            fill="#2563eb"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SpreadTable({
  title,
  column,
  rows,
}: {
  title: string;
  /** What each row is (a station, an item, an hour). */
  column: string;
  rows: (Spread & { key: string })[];
}) {
  const { t } = useTranslation('admin');
  const { duration } = useAdminFormat();
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.noTickets')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="num">
                {t('reports.tickets')}
              </th>
              <th scope="col" className="num">
                {t('reports.p50')}
              </th>
              <th scope="col" className="num">
                {t('reports.p90')}
              </th>
              <th scope="col" className="num">
                {t('reports.mean')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.key}</td>
                <td className="num">{r.count}</td>
                <td className="num">{duration(r.p50)}</td>
                <td className="num">{duration(r.p90)}</td>
                <td className="num">{duration(r.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
