import { orders, payments, type Order, type OutboxMessage, type Payment } from '@kds/db';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import type { PaymentGateway } from './ports.ts';
import { inStore } from '../transaction.ts';

export interface RefundPayload {
  paymentId: string;
  paymentIntentId: string;
  amountCents: number;
  /** The payment's currency; messages queued before it was kept carry none (see refundSender). */
  currency?: string;
  reason: string;
}

/**
 * Queues a Stripe refund through the outbox, in the caller's transaction: a Stripe outage
 * delays it, never loses it. Orders paid at the counter have nothing to refund online.
 */
export async function queueRefund(
  tx: TxContext,
  order: Order,
  amountCents: number,
  reason: string,
  key: string,
) {
  const [payment] = await tx.db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.orderId, order.id),
        eq(payments.status, 'paid'),
        isNotNull(payments.paymentIntentId),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (!payment?.paymentIntentId) return false;
  const payload: RefundPayload = {
    paymentId: payment.id,
    paymentIntentId: payment.paymentIntentId,
    amountCents: Math.min(amountCents, payment.amountCents - payment.refundedCents),
    currency: payment.currency,
    reason,
  };
  if (payload.amountCents <= 0) return false;
  await enqueue(tx, {
    storeId: order.storeId,
    orderId: order.id,
    channel: 'refund',
    dedupeKey: `order:${order.id}:refund:${key}`,
    recipient: payment.paymentIntentId,
    template: 'stripe.refund',
    payload: { ...payload },
  });
  return true;
}

/** Once Stripe has the refund: the payment and the order say how much went back. */
export async function refundDelivered(ctx: DomainContext, message: OutboxMessage): Promise<void> {
  const { paymentId, amountCents } = message.payload as unknown as RefundPayload;
  await inStore(ctx, message.storeId, async (tx) => {
    const [payment] = await tx.db
      .update(payments)
      .set({
        refundedCents: sql`least(${payments.amountCents}, ${payments.refundedCents} + ${amountCents})`,
        updatedAt: tx.now(),
      })
      .where(eq(payments.id, paymentId))
      .returning();
    if (payment) await orderRefunded(tx, payment);
  });
}

/** The order of a payment with money refunded: refunded in full, or in part. */
export async function orderRefunded(tx: TxContext, payment: Payment): Promise<void> {
  await tx.db
    .update(orders)
    .set({
      paymentStatus:
        payment.refundedCents >= payment.amountCents ? 'refunded' : 'partially_refunded',
      updatedAt: tx.now(),
    })
    .where(eq(orders.id, payment.orderId));
}

/** The outbox sender for refunds: the message id is Stripe's idempotency key. */
export function refundSender(gateway: PaymentGateway): OutboxSender {
  return async (message) => {
    const refund = message.payload as unknown as RefundPayload;
    const { id } = await gateway.refund({
      paymentIntentId: refund.paymentIntentId,
      amountCents: refund.amountCents,
      // Queued before refunds kept their currency: sent as it was then (Stripe's units).
      currency: refund.currency ?? null,
      idempotencyKey: `refund-${message.id}`,
    });
    return { providerId: id };
  };
}
