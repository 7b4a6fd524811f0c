import { Trans, useTranslation } from '@kds/i18n/react';
import { useReadyAlert } from './use-ready-alert.ts';
import { NotifyButton } from './notify-button.tsx';
import { Driver } from './driver-note.tsx';
import { useFormat, useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { GuestRegion, LanguageSwitcher } from '../shared/guest-language.tsx';
import { navigate } from '../shared/route.ts';
import type { Tracked } from '../shared/types.ts';
import { applyUpdate } from './apply-update.ts';
import { PayNow } from './pay-now.tsx';
import { ExpiredNote, PaymentTerms } from './unpaid-notes.tsx';

const STEPS = [
  { key: 'received', statuses: ['PLACED'] },
  { key: 'preparing', statuses: ['PREPARING'] },
  { key: 'ready', statuses: ['READY'] },
  { key: 'done', statuses: ['COMPLETED'] },
] as const;

/** A delivery's own last steps: it leaves with a driver and is delivered, not collected. */
const DELIVERY_STEPS = [
  ...STEPS.slice(0, 3),
  { key: 'onTheWay', statuses: ['OUT_FOR_DELIVERY'] },
  { key: 'delivered', statuses: ['COMPLETED'] },
] as const;

/** The guest's order, live: its token is the only key, and nothing else is shown. */
export function TrackPage({ token }: { token: string }) {
  const { t } = useTranslation('guest');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.tracker.get.queryOptions({ trackingToken: token });
  const order = useQuery({ ...options, retry: false });
  useSubscription(
    trpc.tracker.onOrder.subscriptionOptions(
      { trackingToken: token },
      {
        enabled: order.isSuccess,
        // The new status shows at once; what only the server works out follows on a re-read.
        onData: (update) => {
          queryClient.setQueryData(options.queryKey, (old) => old && applyUpdate(old, update.data));
          void queryClient.invalidateQueries(options);
        },
      },
    ),
  );
  useReadyAlert(order.data?.status, order.data?.number);

  if (order.error) {
    return (
      <main className="page">
        <h1>{t('track.notFound')}</h1>
        <p>{t('track.notFoundHelp')}</p>
      </main>
    );
  }
  if (!order.data) return <p className="page">{t('track.loading')}</p>;
  const o = order.data;
  const page = <TrackedOrder order={o} token={token} />;
  return o.store ? (
    <GuestRegion store={o.store} ordered={o.language}>
      {page}
    </GuestRegion>
  ) : (
    page
  );
}

function TrackedOrder({ order: o, token }: { order: Tracked; token: string }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  return (
    <main className="page page--track">
      <div className="store-head__top">
        <p className="muted">{o.store?.name}</p>
        {o.store && <LanguageSwitcher offered={o.store.guestLanguages} />}
      </div>
      <h1>
        <Trans
          t={t}
          i18nKey="track.order"
          values={{ number: o.number }}
          components={{ number: <span className="order-number" /> }}
        />
      </h1>
      <p
        className={`headline headline--${o.status.toLowerCase()}`}
        role="status"
        aria-live="polite"
      >
        {t(`track.headline.${o.status}`)}
      </p>
      {o.estimatedReadyAt && (
        <p className="eta">{t('track.readyAbout', { time: format.clock(o.estimatedReadyAt) })}</p>
      )}
      {o.status === 'OUT_FOR_DELIVERY' && <Driver order={o} />}
      {o.pickupCode && (
        <p className="pickup-code">
          {t('track.pickupCode')}{' '}
          <b aria-label={t('track.pickupCodeSpoken', { digits: o.pickupCode.split('').join(' ') })}>
            {o.pickupCode}
          </b>
        </p>
      )}
      <Progress order={o} />
      {o.status === 'PENDING_PAYMENT' && <PaymentTerms order={o} />}
      {o.status === 'PENDING_PAYMENT' && <PayNow token={token} />}
      {o.status === 'EXPIRED' && <ExpiredNote order={o} />}
      <NotifyButton status={o.status} />
      {o.canAddItems && o.store && (
        <button
          type="button"
          className="secondary"
          onClick={() => navigate(`/order/${o.store?.slug}?addTo=${token}`, { keepQuery: false })}
        >
          {t('track.addMore')}
        </button>
      )}
      <Receipt order={o} />
    </main>
  );
}

/** Where the order is among its steps; none while it is unpaid, canceled or expired. */
function Progress({ order: o }: { order: Tracked }) {
  const { t } = useTranslation('guest');
  if (o.status === 'CANCELED' || o.status === 'EXPIRED' || o.status === 'PENDING_PAYMENT') {
    return null;
  }
  const steps = o.fulfilment === 'delivery' ? DELIVERY_STEPS : STEPS;
  const current = steps.findIndex((s) => (s.statuses as readonly string[]).includes(o.status));
  return (
    <ol className="steps" aria-label={t('track.progress')}>
      {steps.map((s, i) => (
        <li
          key={s.key}
          className={i < current ? 'is-done' : i === current ? 'is-current' : ''}
          aria-current={i === current ? 'step' : undefined}
        >
          {t(`track.steps.${s.key}`)}
        </li>
      ))}
    </ol>
  );
}

/** What was ordered and what it cost, and how it is paid. */
function Receipt({ order: o }: { order: Tracked }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  const money = (amount: number) => format.money(amount, o.store?.currency);
  return (
    <section aria-labelledby="receipt">
      <h2 id="receipt">{t('track.receipt')}</h2>
      <ul className="lines lines--receipt">
        {o.items.map((item, i) => (
          <li key={i}>
            <div className="line__main">
              <strong>
                {item.quantity}× {item.name}
              </strong>
              {item.modifiers.length > 0 && (
                <span className="muted">{item.modifiers.join(', ')}</span>
              )}
            </div>
            <span className="price">{money(item.lineTotalCents)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{t('track.tax')}</dt>
        <dd>{money(o.totals.taxCents)}</dd>
        <dt className="total">{t('track.total')}</dt>
        <dd className="total">{money(o.totals.totalCents)}</dd>
      </dl>
      <p className="muted">{paymentNote(o, t)}</p>
    </section>
  );
}

function paymentNote(o: Tracked, t: ReturnType<typeof useTranslation<'guest'>>['t']): string {
  if (o.status === 'CANCELED' || o.status === 'EXPIRED') return '';
  if (o.paymentStatus === 'at_counter') {
    return o.fulfilment === 'delivery' ? t('track.payOnDelivery') : t('track.payAtCounter');
  }
  return o.paymentStatus === 'paid' ? t('track.paid') : '';
}
