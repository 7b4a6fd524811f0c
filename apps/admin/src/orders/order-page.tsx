import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';
import { OrderMessages } from './order-messages.tsx';
import { PaymentFacts } from './payment-facts.tsx';
import { OrderActions } from './order-actions.tsx';
import { OrderItems } from './order-items.tsx';
import { OrderTimeline } from './order-timeline.tsx';
import { PaperCard } from './paper-card.tsx';

/** One order's whole story: items, money, messages and a timeline of who did what, live. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation('admin');
  const { dateTime, fulfilmentWord, paymentWord, statusWord } = useAdminFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    ...trpc.order.detail.queryOptions({ orderId }),
    // Messages and refunds leave in the background without an order event: follow them.
    refetchInterval: (query) =>
      query.state.data?.messages.some((m) => m.status === 'pending' || m.status === 'sending')
        ? 2_000
        : false,
  });
  const { outcome, act } = useAction(() =>
    Promise.all([
      queryClient.invalidateQueries(trpc.order.pathFilter()),
      queryClient.invalidateQueries(trpc.outbox.pathFilter()),
    ]),
  );
  if (error) return <Problem error={error} />;
  if (!data) return <Loading />;
  const { order } = data;
  const currency = data.payments[0]?.currency;

  return (
    <>
      <nav className="crumbs" aria-label={t('order.breadcrumb')}>
        <Link href="/orders">{t('orders.title')}</Link> / #{order.number}
      </nav>
      <header className="page-head page-head--row">
        <div>
          <h1>
            {t('order.title', { number: order.number })}{' '}
            <span className={`status status--${order.status.toLowerCase()}`}>
              {statusWord(order.status)}
            </span>
          </h1>
          <p className="muted">
            {fulfilmentWord(order.fulfilment)}
            {order.tableLabel && t('order.table', { table: order.tableLabel })}
            {order.deliveryAddress &&
              t('order.deliverTo', {
                address: order.deliveryAddress,
                postcode: order.deliveryPostcode ?? '',
              })}
            {order.driverName && t('order.driver', { driver: order.driverName })}
            {order.source === 'staff' && t('order.byStaff')} · {order.customerName}
            {order.customerPhone && ` · ${order.customerPhone}`}
            {order.customerEmail && ` · ${order.customerEmail}`} ·{' '}
            {t('order.created', { time: dateTime(order.createdAt) })}
          </p>
        </div>
        <OrderActions order={order} act={act} />
      </header>
      <Notice outcome={outcome} />
      <div className="grid-2">
        <OrderItems detail={data} currency={currency} />
        <section className="card" aria-labelledby="money-title">
          <h2 id="money-title">{t('order.payment')}</h2>
          <p>
            {paymentWord(order.paymentStatus)} · {t(`order.method.${order.paymentMethod}`)}
          </p>
          <PaymentFacts payments={data.payments} />
          <OrderMessages messages={data.messages} act={act} />
        </section>
      </div>
      <PaperCard orderId={order.id} printedAt={order.printedAt} act={act} />
      <OrderTimeline timeline={data.timeline} />
    </>
  );
}
