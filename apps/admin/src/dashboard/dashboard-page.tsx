import { Trans, useTranslation } from '@kds/i18n/react';
import { PacingPanel, useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { Tile } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';

/** Now, at a glance: today's numbers, the kitchen's queue, and anything that went wrong. */
export function DashboardPage() {
  const { t } = useTranslation('admin');
  const { duration, money } = useAdminFormat();
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.store.dashboard.queryOptions());
  if (error) return <Problem error={error} />;
  if (!data) return <Loading />;
  const { today, open, alerts, store } = data;

  return (
    <>
      <header className="page-head">
        <h1>{store.name}</h1>
        <p className="muted">{t('dashboard.businessDay', { date: data.businessDate })}</p>
      </header>
      <Problems alerts={alerts} />
      <section className="card" aria-labelledby="pacing-title">
        <h2 id="pacing-title">{t('dashboard.pacing')}</h2>
        <PacingPanel />
      </section>
      <section className="tiles" aria-label={t('dashboard.today')}>
        <Tile label={t('dashboard.ordersToday')} value={String(today.orders)} />
        <Tile
          label={t('dashboard.revenueToday')}
          value={money(today.revenueCents, store.currency)}
        />
        <Tile label={t('dashboard.avgReady')} value={duration(today.avgReadySeconds)} />
        <Tile label={t('dashboard.canceledToday')} value={String(today.canceled)} />
      </section>
      <section className="tiles" aria-label={t('dashboard.inKitchen')}>
        <Tile label={t('dashboard.new')} value={String(open.placed)} />
        <Tile label={t('dashboard.preparing')} value={String(open.preparing)} />
        <Tile label={t('dashboard.ready')} value={String(open.ready)} />
      </section>
      <ScreensCard screens={data.screens} />
    </>
  );
}

type Dashboard = Outputs['store']['dashboard'];

/** What went wrong, each a link to where it is put right; or that all is well. */
function Problems({ alerts }: { alerts: Dashboard['alerts'] }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  const problems = [
    alerts.screensNotLive > 0 && {
      href: '/screens',
      text: t('dashboard.screensNotLive', { count: alerts.screensNotLive }),
    },
    alerts.failedMessages > 0 && {
      href: '/messages',
      text: t('dashboard.failedMessages', { count: alerts.failedMessages }),
    },
    ...alerts.failingWebhooks.map((w) => ({
      href: '/settings',
      text: w.lastError
        ? t('dashboard.webhookFailingWhy', {
            host: new URL(w.url).host,
            since: dateTime(w.since),
            error: w.lastError,
          })
        : t('dashboard.webhookFailing', { host: new URL(w.url).host, since: dateTime(w.since) }),
    })),
    alerts.flaggedPayments > 0 && {
      href: '/orders',
      text: t('dashboard.flaggedPayments', { count: alerts.flaggedPayments }),
    },
  ].filter((p): p is { href: string; text: string } => Boolean(p));
  return (
    <section aria-label={t('dashboard.alerts')} className="alerts">
      {problems.length === 0 ? (
        <p className="alert alert--ok">{t('dashboard.allGood')}</p>
      ) : (
        problems.map((p) => (
          <Link key={p.text} href={p.href} className="alert alert--bad">
            {p.text} →
          </Link>
        ))
      )}
    </section>
  );
}

/** Each paired screen and its state, for a glance; the screens page has the rest. */
function ScreensCard({ screens }: { screens: Dashboard['screens'] }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  return (
    <section className="card">
      <h2>{t('dashboard.screens')}</h2>
      {screens.length === 0 ? (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="dashboard.noScreens"
            components={{ pair: <Link href="/screens" /> }}
          />
        </p>
      ) : (
        <ul className="screens">
          {screens.map((s) => (
            <li key={s.deviceId} className={`screen screen--${s.state}`}>
              <strong>{s.name}</strong>{' '}
              <span className={`state-pill state-pill--${s.state}`}>
                {t(`dashboard.screenState.${s.state}`)}
              </span>{' '}
              {s.state !== 'live' && (
                <span>{t('dashboard.since', { time: dateTime(s.since) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
