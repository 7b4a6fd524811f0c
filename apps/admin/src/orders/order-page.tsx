import { useTranslation } from '@kds/i18n/react';
import { useTimelineWords } from './timeline-words.ts';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';
import { OrderMessages } from './order-messages.tsx';
import { PaymentFacts } from './payment-facts.tsx';
import { OrderActions } from './order-actions.tsx';
import { PaperCard } from './paper-card.tsx';

/** One order's whole story: items, money, messages and a timeline of who did what, live. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { t } = useTranslation('admin');
  const { dateTime, fulfilmentWord, money, paymentWord, statusWord, timeOnly } = useAdminFormat();
  const describe = useTimelineWords();
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
        <section className="card" aria-labelledby="items-title">
          <h2 id="items-title">{t('order.items')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('order.item')}</th>
                <th scope="col">{t('order.station')}</th>
                <th scope="col" className="num">
                  {t('order.qty')}
                </th>
                <th scope="col" className="num">
                  {t('order.line')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.name}
                    {i.modifiers.length > 0 && (
                      <div className="muted small">{i.modifiers.map((m) => m.name).join(', ')}</div>
                    )}
                    {i.notes && <div className="small">{t('order.note', { note: i.notes })}</div>}
                  </td>
                  <td>{i.station ?? '—'}</td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{money(i.lineTotalCents, currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <Sum label={t('order.subtotal')} cents={order.subtotalCents} currency={currency} />
              {order.discountCents > 0 && (
                <Sum label={t('order.discount')} cents={-order.discountCents} currency={currency} />
              )}
              <Sum label={t('order.tax')} cents={order.taxCents} currency={currency} />
              {order.tipCents > 0 && (
                <Sum label={t('order.tip')} cents={order.tipCents} currency={currency} />
              )}
              <Sum label={t('order.total')} cents={order.totalCents} currency={currency} strong />
            </tfoot>
          </table>
          {order.allergies.length > 0 && (
            <p className="allergy-note">
              {t('order.allergies', { allergies: order.allergies.join(', ') })}
            </p>
          )}
          {order.notes && <p>{t('order.orderNote', { note: order.notes })}</p>}
          {order.cancelReason && (
            <p>{t('order.canceledBecause', { reason: order.cancelReason })}</p>
          )}
        </section>
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
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('order.timeline')}</h2>
        <ol className="timeline">
          {data.timeline.map((entry, i) => (
            <li key={i} className={`timeline__item timeline__item--${entry.kind}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{timeOnly(entry.at)}</time>
              <span className="timeline__what">{describe.what(entry)}</span>
              <span className="timeline__who">{t('order.by', { who: describe.who(entry) })}</span>
              {typeof entry.detail.reason === 'string' && (
                <span className="muted small">“{entry.detail.reason}”</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Sum({
  label,
  cents,
  currency,
  strong,
}: {
  label: string;
  cents: number;
  currency: string | undefined;
  strong?: boolean;
}) {
  const { money } = useAdminFormat();
  return (
    <tr className={strong ? 'sum sum--total' : 'sum'}>
      <td colSpan={3}>{label}</td>
      <td className="num">{money(cents, currency)}</td>
    </tr>
  );
}
