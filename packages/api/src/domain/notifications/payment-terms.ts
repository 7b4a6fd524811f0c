import type { Order, Store } from '@kds/db';
import type { DomainContext } from '../context.ts';
import { asapReadyInMinutes } from '../tracker/estimate-ready.ts';

/** What a guest asked to pay for a phone order is told: until when, and when it will be ready. */
export interface PaymentTerms {
  /** "Tue 19:30" in the store's clock, or empty once the order no longer waits for payment. */
  payBy: string;
  /** Minutes from payment to ready for an ASAP order (empty for a scheduled one). */
  wait: string;
  /** The scheduled time ("19:45"), or empty for an ASAP order. */
  readyAt: string;
}

export async function paymentTerms(
  ctx: DomainContext,
  store: Store,
  order: Order,
): Promise<PaymentTerms> {
  const waiting = order.status === 'PENDING_PAYMENT' && order.paymentExpiresAt;
  if (!waiting) return { payBy: '', wait: '', readyAt: '' };
  const clock = (at: Date, weekday: boolean) =>
    at.toLocaleString('en-GB', {
      ...(weekday ? { weekday: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZone: store.timezone,
    });
  const payBy = clock(order.paymentExpiresAt as Date, true).replace(',', '');
  if (order.fireAt) return { payBy, wait: '', readyAt: clock(order.fireAt, false) };
  return { payBy, wait: String(await asapReadyInMinutes(ctx.db, store, ctx.now())), readyAt: '' };
}
