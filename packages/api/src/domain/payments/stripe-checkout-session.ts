import { orderItems, orders, payments, stores, type Order, type Payment } from '@kds/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { TxContext } from '../context.ts';
import { lockOrder } from '../orders/internal.ts';
import { payAndPlace } from '../orders/reach-kitchen.ts';
import { expireOrder } from './expire-unpaid.ts';
import type { StripeEventLike, WebhookOutcome } from './handle-stripe-event.ts';
import { queueRefund } from './refunds.ts';
import { Session, type StripeSession } from './stripe-session.ts';

const SYSTEM = { kind: 'system' as const, id: null };

/** A `checkout.session.*` event: the session's payment row, then its order's fate. */
export async function checkoutSessionEvent(
  tx: TxContext,
  event: StripeEventLike,
): Promise<WebhookOutcome> {
  const session = Session.safeParse(event.data.object);
  if (!session.success) return 'ignored';
  const s = session.data;
  const found = await sessionOrder(tx, s);
  if (!found) return 'ignored';
  const { payment, order } = found;
  const setPayment = paymentWriter(tx, order, s, payment);

  switch (event.type) {
    case 'checkout.session.completed':
      if (s.payment_status !== 'paid') return 'ignored'; // an async method: wait for its result
      return markPaid(tx, order, s, setPayment);
    case 'checkout.session.async_payment_succeeded':
      return markPaid(tx, order, s, setPayment);
    case 'checkout.session.async_payment_failed':
      // Events come in any order: a late failure or expiry never undoes a payment.
      if (payment?.status === 'paid') return 'ignored';
      await setPayment('failed');
      return 'failed';
    case 'checkout.session.expired': {
      if (payment?.status === 'paid') return 'ignored';
      await setPayment('expired');
      // The order expires with its session, unless the guest has another one open (a retry).
      const open = await tx.db
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(
            eq(payments.orderId, order.id),
            eq(payments.status, 'pending'),
            gt(payments.expiresAt, tx.now()),
          ),
        );
      if (open.some((p) => p.id !== payment?.id)) return 'ignored';
      return (await expireOrder(tx, order)) ? 'expired' : 'ignored';
    }
    default:
      return 'ignored';
  }
}

/** The session's payment row (none before its first event), and its order, locked. */
async function sessionOrder(tx: TxContext, s: StripeSession) {
  const [payment] = await tx.db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, 'stripe'), eq(payments.providerRef, s.id)));
  const orderId = payment?.orderId ?? s.client_reference_id;
  if (!orderId) return null;
  const [row] = await tx.db
    .select({ storeId: orders.storeId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const { order } = await lockOrder(tx, row.storeId, orderId, undefined);
  return { payment, order };
}

/** Writes the session's payment row with a status (and a flag): updated, or made on first sight. */
function paymentWriter(tx: TxContext, order: Order, s: StripeSession, payment?: Payment) {
  // The PaymentIntent is what a refund is made against: keep it from the first event that has it.
  const paymentIntentId = s.payment_intent ?? payment?.paymentIntentId ?? null;
  return (status: string, flag?: string) =>
    payment
      ? tx.db
          .update(payments)
          .set({ status, paymentIntentId, flag: flag ?? payment.flag, updatedAt: tx.now() })
          .where(eq(payments.id, payment.id))
      : tx.db.insert(payments).values({
          paymentIntentId,
          storeId: order.storeId,
          orderId: order.id,
          provider: 'stripe',
          providerRef: s.id,
          status,
          amountCents: s.amount_total ?? 0,
          currency: (s.currency ?? '').toUpperCase(),
          flag: flag ?? null,
        });
}

async function markPaid(
  tx: TxContext,
  order: Order,
  s: StripeSession,
  setPayment: (status: string, flag?: string) => Promise<unknown>,
): Promise<WebhookOutcome> {
  if (order.paymentStatus === 'paid') return 'ignored';
  const [store] = await tx.db.select().from(stores).where(eq(stores.id, order.storeId));
  const matches =
    s.amount_total === order.totalCents &&
    (s.currency ?? '').toUpperCase() === (store?.currency ?? '');
  if (!matches) {
    await setPayment('paid', 'amount_mismatch');
    return 'flagged';
  }
  if (order.status !== 'PENDING_PAYMENT') {
    // Paid after it expired or was canceled: recorded, flagged, and refunded automatically.
    await setPayment('paid', 'late_payment');
    await queueRefund(
      tx,
      order,
      s.amount_total ?? 0,
      'paid after the order expired',
      `late:${s.id}`,
    );
    return 'flagged';
  }
  await setPayment('paid');
  const items = await tx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  await payAndPlace(tx, store, { order, items }, { paymentStatus: 'paid' }, SYSTEM);
  return 'paid';
}
