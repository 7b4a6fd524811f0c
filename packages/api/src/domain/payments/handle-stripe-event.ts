import { orderItems, orders, payments, stores, webhookEvents, type Order } from '@kds/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { DomainContext, TxContext } from '../context.ts';
import { lockOrder } from '../orders/internal.ts';
import { acrossStores } from '../transaction.ts';
import { expireOrder } from './expire-unpaid.ts';
import { chargeRefunded } from './stripe-refund.ts';
import { queueRefund } from './refunds.ts';
import { fromStripeAmount } from '../money.ts';
import { payAndPlace } from '../orders/reach-kitchen.ts';

/** A Checkout Session, its total turned from Stripe's units into the currency's minor units. */
const Session = z
  .object({
    id: z.string(),
    client_reference_id: z.string().nullish(),
    payment_status: z.string(),
    amount_total: z.number().nullish(),
    currency: z.string().nullish(),
    payment_intent: z.string().nullish(),
  })
  .transform((s) => ({
    ...s,
    amount_total:
      s.amount_total == null ? s.amount_total : fromStripeAmount(s.amount_total, s.currency ?? ''),
  }));
export type StripeSession = z.infer<typeof Session>;

/** A verified Stripe event, as much of it as the handlers read. */
export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: unknown };
}

export type WebhookOutcome =
  'paid' | 'flagged' | 'failed' | 'expired' | 'refunded' | 'ignored' | 'duplicate';

const SYSTEM = { kind: 'system' as const, id: null };

/**
 * Handles a verified Stripe event exactly once: the event id is recorded in the same
 * transaction as its effect, so a repeat (or a concurrent twin) changes nothing, and a failure
 * rolls both back for Stripe to retry. Events may arrive in any order.
 */
export async function handleStripeEvent(
  ctx: DomainContext,
  event: StripeEventLike,
): Promise<WebhookOutcome> {
  // Stripe names a session or a payment intent, not a store: the event is applied across
  // stores, and each order's verb then acts for the order's store.
  return acrossStores(ctx, 'provider-webhook', async (tx) => {
    const [fresh] = await tx.db
      .insert(webhookEvents)
      .values({ provider: 'stripe', eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!fresh) return 'duplicate';
    const outcome = await apply(tx, event);
    await tx.db
      .update(webhookEvents)
      .set({ outcome, processedAt: tx.now() })
      .where(eq(webhookEvents.id, fresh.id));
    return outcome;
  });
}

async function apply(tx: TxContext, event: StripeEventLike): Promise<WebhookOutcome> {
  if (event.type === 'charge.refunded') return chargeRefunded(tx, event);
  const session = Session.safeParse(event.data.object);
  if (!event.type.startsWith('checkout.session.') || !session.success) return 'ignored';
  const s = session.data;
  const [payment] = await tx.db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, 'stripe'), eq(payments.providerRef, s.id)));
  const orderId = payment?.orderId ?? s.client_reference_id;
  if (!orderId) return 'ignored';
  const [row] = await tx.db
    .select({ storeId: orders.storeId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) return 'ignored';
  const { order } = await lockOrder(tx, row.storeId, orderId, undefined);
  // The PaymentIntent is what a refund is made against: keep it from the first event that has it.
  const paymentIntentId = s.payment_intent ?? payment?.paymentIntentId ?? null;
  const setPayment = (status: string, flag?: string) =>
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
