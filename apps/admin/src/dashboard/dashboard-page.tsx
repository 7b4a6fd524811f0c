import { PacingPanel, useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { dateTime, duration, money } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { Tile } from '../shared/feedback.tsx';

/** Now, at a glance: today's numbers, the kitchen's queue, and anything that went wrong. */
export function DashboardPage() {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.store.dashboard.queryOptions());
  if (error) return <Problem error={error} />;
  if (!data) return <Loading />;
  const { today, open, alerts, store } = data;
  const problems = [
    alerts.screensNotLive > 0 && {
      href: '/screens',
      text: `${alerts.screensNotLive} kitchen screen${alerts.screensNotLive > 1 ? 's are' : ' is'} offline or behind`,
    },
    alerts.failedMessages > 0 && {
      href: '/messages',
      text: `${alerts.failedMessages} message${alerts.failedMessages > 1 ? 's' : ''} failed in the last 24 hours`,
    },
    ...alerts.failingWebhooks.map((w) => ({
      href: '/settings',
      text: `Webhook to ${new URL(w.url).host} failing since ${dateTime(w.since)}${w.lastError ? `: ${w.lastError}` : ''}`,
    })),
    alerts.flaggedPayments > 0 && {
      href: '/orders',
      text: `${alerts.flaggedPayments} payment${alerts.flaggedPayments > 1 ? 's need' : ' needs'} a look`,
    },
  ].filter((p): p is { href: string; text: string } => Boolean(p));

  return (
    <>
      <header className="page-head">
        <h1>{store.name}</h1>
        <p className="muted">Business day {data.businessDate}</p>
      </header>
      <section aria-label="Alerts" className="alerts">
        {problems.length === 0 ? (
          <p className="alert alert--ok">All kitchen screens live, no failed messages.</p>
        ) : (
          problems.map((p) => (
            <Link key={p.text} href={p.href} className="alert alert--bad">
              {p.text} →
            </Link>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="pacing-title">
        <h2 id="pacing-title">Pacing</h2>
        <PacingPanel />
      </section>
      <section className="tiles" aria-label="Today">
        <Tile label="Orders today" value={String(today.orders)} />
        <Tile label="Revenue today" value={money(today.revenueCents, store.currency)} />
        <Tile label="Average time to ready" value={duration(today.avgReadySeconds)} />
        <Tile label="Canceled today" value={String(today.canceled)} />
      </section>
      <section className="tiles" aria-label="In the kitchen now">
        <Tile label="New" value={String(open.placed)} />
        <Tile label="Preparing" value={String(open.preparing)} />
        <Tile label="Ready for pickup" value={String(open.ready)} />
      </section>
      <section className="card">
        <h2>Kitchen screens</h2>
        {data.screens.length === 0 ? (
          <p className="muted">
            No paired screens. <Link href="/screens">Pair one</Link>.
          </p>
        ) : (
          <ul className="screens">
            {data.screens.map((s) => (
              <li key={s.deviceId} className={`screen screen--${s.state}`}>
                <strong>{s.name}</strong>{' '}
                <span className={`state-pill state-pill--${s.state}`}>{s.state}</span>{' '}
                {s.state !== 'live' && <span>since {dateTime(s.since, store.timezone)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
