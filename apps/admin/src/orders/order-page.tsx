import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import {
  dateTime,
  fulfilmentWord,
  money,
  paymentWord,
  statusWord,
  timeOnly,
} from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';
import { OrderMessages } from './order-messages.tsx';
import { PaymentFacts } from './payment-facts.tsx';
import { OrderActions } from './order-actions.tsx';
import { PaperCard } from './paper-card.tsx';

/** One order's whole story: items, money, messages and a timeline of who did what, live. */
export function OrderPage({ orderId }: { orderId: string }) {
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
  const currency = data.payments[0]?.currency ?? 'USD';

  return (
    <>
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href="/orders">Orders</Link> / #{order.number}
      </nav>
      <header className="page-head page-head--row">
        <div>
          <h1>
            Order #{order.number}{' '}
            <span className={`status status--${order.status.toLowerCase()}`}>
              {statusWord(order.status)}
            </span>
          </h1>
          <p className="muted">
            {fulfilmentWord(order.fulfilment)}
            {order.tableLabel && ` · table ${order.tableLabel}`}
            {order.deliveryAddress &&
              ` to ${order.deliveryAddress}, ${order.deliveryPostcode ?? ''}`}
            {order.driverName && ` · driver ${order.driverName}`}
            {order.source === 'staff' && ' · taken by staff'} · {order.customerName}
            {order.customerPhone && ` · ${order.customerPhone}`}
            {order.customerEmail && ` · ${order.customerEmail}`} · created{' '}
            {dateTime(order.createdAt)}
          </p>
        </div>
        <OrderActions order={order} act={act} />
      </header>
      <Notice outcome={outcome} />
      <div className="grid-2">
        <section className="card" aria-labelledby="items-title">
          <h2 id="items-title">Items</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Station</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Line
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
                    {i.notes && <div className="small">Note: {i.notes}</div>}
                  </td>
                  <td>{i.station ?? '—'}</td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{money(i.lineTotalCents, currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <Sum label="Subtotal" cents={order.subtotalCents} currency={currency} />
              {order.discountCents > 0 && (
                <Sum label="Discount" cents={-order.discountCents} currency={currency} />
              )}
              <Sum label="Tax" cents={order.taxCents} currency={currency} />
              {order.tipCents > 0 && <Sum label="Tip" cents={order.tipCents} currency={currency} />}
              <Sum label="Total" cents={order.totalCents} currency={currency} strong />
            </tfoot>
          </table>
          {order.allergies.length > 0 && (
            <p className="allergy-note">Allergies: {order.allergies.join(', ')}</p>
          )}
          {order.notes && <p>Order note: {order.notes}</p>}
          {order.cancelReason && <p>Canceled because: {order.cancelReason}</p>}
        </section>
        <section className="card" aria-labelledby="money-title">
          <h2 id="money-title">Payment</h2>
          <p>
            {paymentWord(order.paymentStatus)} · {order.paymentMethod}
          </p>
          <PaymentFacts payments={data.payments} />
          <OrderMessages messages={data.messages} act={act} />
        </section>
      </div>
      <PaperCard orderId={order.id} printedAt={order.printedAt} act={act} />
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol className="timeline">
          {data.timeline.map((t, i) => (
            <li key={i} className={`timeline__item timeline__item--${t.kind}`}>
              <time dateTime={new Date(t.at).toISOString()}>{timeOnly(t.at)}</time>
              <span className="timeline__what">{t.what}</span>
              <span className="timeline__who">by {t.who}</span>
              {typeof t.detail.reason === 'string' && (
                <span className="muted small">“{t.detail.reason}”</span>
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
  currency: string;
  strong?: boolean;
}) {
  return (
    <tr className={strong ? 'sum sum--total' : 'sum'}>
      <td colSpan={3}>{label}</td>
      <td className="num">{money(cents, currency)}</td>
    </tr>
  );
}
