import { formatClock } from '@kds/ui';
import type { Tracked } from '../shared/types.ts';

/** Before payment: until when the guest can pay, and when the order will then be ready. */
export function PaymentTerms({ order }: { order: Tracked }) {
  if (!order.payBy) return null;
  const payBy = new Date(order.payBy);
  const sameDay = payBy.toDateString() === new Date().toDateString();
  const day = sameDay ? '' : `${payBy.toLocaleDateString('en-GB', { weekday: 'long' })} `;
  return (
    <div className="pay-terms">
      {order.fireAt ? (
        <p className="eta">Ready at {formatClock(order.fireAt)}</p>
      ) : (
        order.readyMinutesAfterPayment !== null && (
          <p className="eta">Ready about {order.readyMinutesAfterPayment} min after you pay</p>
        )
      )}
      <p className="muted">
        Pay by {day}
        {formatClock(payBy)}. The kitchen starts as soon as it is paid.
      </p>
    </div>
  );
}

/** An order nobody paid in time: say so, and how to order again. */
export function ExpiredNote({ order }: { order: Tracked }) {
  const phone = order.store?.phone;
  return (
    <div className="pay-terms">
      <p>This payment link has expired and nothing was charged.</p>
      {phone ? (
        <p>
          To order, call {order.store?.name} on{' '}
          <a className="tel" href={`tel:${phone}`}>
            {phone}
          </a>
          .
        </p>
      ) : (
        <p>To order, call or visit {order.store?.name}.</p>
      )}
    </div>
  );
}
