import type { Order, Store } from '@kds/db';
import { formatClock, formatDayClock, type Language } from '@kds/i18n';
import type { DomainContext } from '../context.ts';
import { asapReadyInMinutes } from '../tracker/estimate-ready.ts';

/** What a guest asked to pay for a phone order is told: until when, and when it will be ready. */
export interface PaymentTerms {
  /** "Tue 7:30 PM" in the store's clock, or empty once the order no longer waits for payment. */
  payBy: string;
  /** Minutes from payment to ready for an ASAP order (empty for a scheduled one). */
  wait: string;
  /** The scheduled time ("7:45 PM"), or empty for an ASAP order. */
  readyAt: string;
}

export async function paymentTerms(
  ctx: DomainContext,
  store: Store,
  order: Order,
  language: Language,
): Promise<PaymentTerms> {
  const waiting = order.status === 'PENDING_PAYMENT' && order.paymentExpiresAt;
  if (!waiting) return { payBy: '', wait: '', readyAt: '' };
  const where = { storeLocale: store.locale, timeZone: store.timezone };
  const payBy = formatDayClock(order.paymentExpiresAt as Date, language, where).replace(',', '');
  if (order.fireAt) return { payBy, wait: '', readyAt: formatClock(order.fireAt, language, where) };
  return { payBy, wait: String(await asapReadyInMinutes(ctx.db, store, ctx.now())), readyAt: '' };
}
