import { payments } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TxContext } from '../context.ts';
import { fromStripeAmount } from '../stripe-amount.ts';
import type { StripeEventLike, WebhookOutcome } from './handle-stripe-event.ts';
import { orderRefunded } from './refunds.ts';

const Charge = z
  .object({ payment_intent: z.string(), amount_refunded: z.number(), currency: z.string() })
  .transform((c) => ({ ...c, amount_refunded: fromStripeAmount(c.amount_refunded, c.currency) }));

/**
 * A refund seen from Stripe's side (ours through the outbox, or one made in Stripe's
 * dashboard): the payment takes Stripe's total refunded, which repeats cannot inflate.
 */
export async function chargeRefunded(
  tx: TxContext,
  event: StripeEventLike,
): Promise<WebhookOutcome> {
  const charge = Charge.safeParse(event.data.object);
  if (!charge.success) return 'ignored';
  const [payment] = await tx.db
    .update(payments)
    .set({
      refundedCents: sql`least(${payments.amountCents}, greatest(${payments.refundedCents}, ${charge.data.amount_refunded}))`,
      updatedAt: tx.now(),
    })
    .where(eq(payments.paymentIntentId, charge.data.payment_intent))
    .returning();
  if (!payment) return 'ignored';
  await orderRefunded(tx, payment);
  return 'refunded';
}
