import { useTRPC, useTRPCClient } from '@kds/ui';
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

/** One order's whole story: items, money, messages and a timeline of who did what, live. */
export function OrderPage({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
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

  const open = !['COMPLETED', 'CANCELED', 'EXPIRED'].includes(order.status);

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
            {order.tableLabel && ` · table ${order.tableLabel}`} · {order.customerName}
            {order.customerPhone && ` · ${order.customerPhone}`}
            {order.customerEmail && ` · ${order.customerEmail}`} · created{' '}
            {dateTime(order.createdAt)}
          </p>
        </div>
        <div className="actions">
          {order.status === 'READY' && (
            <button
              className="btn"
              onClick={() => act('Completed', () => client.order.complete.mutate({ orderId }))}
            >
              Mark completed
            </button>
          )}
          {order.status === 'PENDING_PAYMENT' && (
            <button
              className="btn"
              onClick={() =>
                act('Payment link', async () => {
                  const link = await client.payment.link.mutate({
                    orderId,
                    email: Boolean(order.customerEmail),
                  });
                  await navigator.clipboard?.writeText(link.checkoutUrl).catch(() => {});
                })
              }
            >
              {order.customerEmail ? 'Email payment link' : 'Copy payment link'}
            </button>
          )}
          {order.status === 'PENDING_PAYMENT' && (
            <button
              className="btn"
              onClick={() =>
                act('Paid at the counter', () =>
                  client.payment.markPaidAtCounter.mutate({ orderId }),
                )
              }
            >
              Mark paid at counter
            </button>
          )}
          {open && (
            <button
              className="btn btn--danger"
              onClick={() => {
                const reason = window.prompt(
                  order.paymentStatus === 'paid'
                    ? 'Why is this order canceled? The payment is refunded in full.'
                    : 'Why is this order canceled?',
                );
                if (reason?.trim()) {
                  void act('Canceled', () => client.order.cancel.mutate({ orderId, reason }));
                }
              }}
            >
              {order.paymentStatus === 'paid' ? 'Cancel and refund' : 'Cancel order'}
            </button>
          )}
          <button
            className="btn"
            onClick={() => act('Checked with Stripe', () => client.payment.reconcile.mutate())}
          >
            Reconcile payments
          </button>
        </div>
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
          {order.notes && <p>Order note: {order.notes}</p>}
          {order.cancelReason && <p>Canceled because: {order.cancelReason}</p>}
        </section>
        <section className="card" aria-labelledby="money-title">
          <h2 id="money-title">Payment</h2>
          <p>
            {paymentWord(order.paymentStatus)} · {order.paymentMethod}
          </p>
          {data.payments.map((p) => (
            <dl key={p.id} className="facts">
              <dt>Amount</dt>
              <dd>{money(p.amountCents, p.currency)}</dd>
              <dt>Status</dt>
              <dd>
                {p.status}
                {p.flag && <strong className="flag"> · needs a look: {p.flag}</strong>}
              </dd>
              {p.refundedCents > 0 && (
                <>
                  <dt>Refunded</dt>
                  <dd>{money(p.refundedCents, p.currency)}</dd>
                </>
              )}
              {p.feeCents !== null && (
                <>
                  <dt>Fee / net</dt>
                  <dd>
                    {money(p.feeCents, p.currency)} / {money(p.netCents ?? 0, p.currency)}
                  </dd>
                </>
              )}
              {p.receiptUrl && (
                <>
                  <dt>Receipt</dt>
                  <dd>
                    <a href={p.receiptUrl} target="_blank" rel="noreferrer">
                      open
                    </a>
                  </dd>
                </>
              )}
            </dl>
          ))}
          <h2>Messages</h2>
          {data.messages.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain">
              {data.messages.map((m) => (
                <li key={m.id}>
                  <span className="badge">{m.channel}</span> {m.label} to {m.recipient}:{' '}
                  <strong>{m.status === 'recorded' ? 'recorded, not sent' : m.status}</strong>
                  {m.providerStatus && ` (${m.providerStatus})`}
                  {m.error && <span className="small muted"> · {m.error}</span>}{' '}
                  {m.status === 'failed' && (
                    <button
                      className="btn btn--small"
                      onClick={() =>
                        act('Trying again', () => client.outbox.retry.mutate({ messageId: m.id }))
                      }
                    >
                      Try again
                    </button>
                  )}
                  {m.status === 'sent' && (m.channel === 'sms' || m.channel === 'email') && (
                    <button
                      className="btn btn--small"
                      onClick={() =>
                        act('Sent again', () => client.outbox.resend.mutate({ messageId: m.id }))
                      }
                    >
                      Send again
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
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
