import { notifyReady } from './ready-notification.ts';
import { NotifyButton } from './notify-button.tsx';
import { Driver } from './driver-note.tsx';
import { formatClock, formatMoney, useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { navigate } from '../shared/route.ts';
import type { Tracked } from '../shared/types.ts';
import { PayNow } from './pay-now.tsx';
import { ExpiredNote, PaymentTerms } from './unpaid-notes.tsx';

const STEPS = [
  { key: 'received', label: 'Received', statuses: ['PLACED'] },
  { key: 'preparing', label: 'Preparing', statuses: ['PREPARING'] },
  { key: 'ready', label: 'Ready', statuses: ['READY'] },
  { key: 'done', label: 'Collected', statuses: ['COMPLETED'] },
] as const;

/** A delivery's own last steps: it leaves with a driver and is delivered, not collected. */
const DELIVERY_STEPS = [
  ...STEPS.slice(0, 3),
  { key: 'on-the-way', label: 'On its way', statuses: ['OUT_FOR_DELIVERY'] },
  { key: 'done', label: 'Delivered', statuses: ['COMPLETED'] },
] as const;

const HEADLINE: Record<Tracked['status'], string> = {
  PENDING_PAYMENT: 'Waiting for payment',
  PLACED: 'Order received',
  PREPARING: 'Being prepared',
  READY: 'Ready for you!',
  OUT_FOR_DELIVERY: 'On its way',
  COMPLETED: 'Enjoy your meal',
  CANCELED: 'This order was canceled',
  EXPIRED: 'This order expired unpaid',
};

/** The guest's order, live: its token is the only key, and nothing else is shown. */
export function TrackPage({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.tracker.get.queryOptions({ trackingToken: token });
  const order = useQuery({ ...options, retry: false });
  useSubscription(
    trpc.tracker.onOrder.subscriptionOptions(
      { trackingToken: token },
      { enabled: order.isSuccess, onData: () => void queryClient.invalidateQueries(options) },
    ),
  );
  useReadyAlert(order.data?.status, order.data?.number);

  if (order.error) {
    return (
      <main className="page">
        <h1>Order not found</h1>
        <p>Check the link you were sent. Tracking links are private to each order.</p>
      </main>
    );
  }
  if (!order.data) return <p className="page">Loading your order…</p>;
  const o = order.data;
  const steps = o.fulfilment === 'delivery' ? DELIVERY_STEPS : STEPS;
  const current = steps.findIndex((s) => (s.statuses as readonly string[]).includes(o.status));
  const currency = o.store?.currency ?? 'USD';
  return (
    <main className="page page--track">
      <p className="muted">{o.store?.name}</p>
      <h1>
        Order <span className="order-number">#{o.number}</span>
      </h1>
      <p
        className={`headline headline--${o.status.toLowerCase()}`}
        role="status"
        aria-live="polite"
      >
        {HEADLINE[o.status]}
      </p>
      {o.estimatedReadyAt && (
        <p className="eta">Ready at about {formatClock(o.estimatedReadyAt)}</p>
      )}
      {o.status === 'OUT_FOR_DELIVERY' && <Driver order={o} />}
      {o.pickupCode && (
        <p className="pickup-code">
          Pickup code{' '}
          <b aria-label={`pickup code ${o.pickupCode.split('').join(' ')}`}>{o.pickupCode}</b>
        </p>
      )}
      {o.status !== 'CANCELED' && o.status !== 'EXPIRED' && o.status !== 'PENDING_PAYMENT' && (
        <ol className="steps" aria-label="Progress">
          {steps.map((s, i) => (
            <li
              key={s.key}
              className={i < current ? 'is-done' : i === current ? 'is-current' : ''}
              aria-current={i === current ? 'step' : undefined}
            >
              {s.label}
            </li>
          ))}
        </ol>
      )}
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
          Add more items
        </button>
      )}
      <section aria-labelledby="receipt">
        <h2 id="receipt">Receipt</h2>
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
              <span className="price">{formatMoney(item.lineTotalCents, currency)}</span>
            </li>
          ))}
        </ul>
        <dl className="totals">
          <dt>Tax</dt>
          <dd>{formatMoney(o.totals.taxCents, currency)}</dd>
          <dt className="total">Total</dt>
          <dd className="total">{formatMoney(o.totals.totalCents, currency)}</dd>
        </dl>
        <p className="muted">{paymentNote(o)}</p>
      </section>
    </main>
  );
}

function paymentNote(o: Tracked): string {
  if (o.status === 'CANCELED' || o.status === 'EXPIRED') return '';
  if (o.paymentStatus === 'at_counter') {
    return o.fulfilment === 'delivery' ? 'Pay on delivery.' : 'Pay at the counter.';
  }
  return o.paymentStatus === 'paid' ? 'Paid.' : '';
}

/** A sound, a vibration and (if allowed) a notification the moment the order turns ready. */
function useReadyAlert(status: Tracked['status'] | undefined, number: number | undefined) {
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status !== 'READY' || was === undefined || was === 'READY') return;
    navigator.vibrate?.([300, 150, 300]);
    try {
      const ctx = new AudioContext();
      const osc = ctx.createOscillator();
      osc.frequency.value = 880;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.4);
    } catch {
      // No audio here: the screen still says Ready.
    }
    if (number !== undefined) void notifyReady(number);
  }, [status, number]);
}
