import { orders, payments } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';

/**
 * Records what Stripe kept and what the store nets for a payment, so profit per order is real.
 * Called after the payment is recorded, outside its transaction; if it fails, the payment
 * stands and the figures can be filled in later.
 */
export async function recordPaymentDetails(
  ctx: DomainContext,
  paymentIntentId: string,
): Promise<boolean> {
  const details = await ctx.payments?.paymentDetails(paymentIntentId);
  if (!details) return false;
  // Stripe names the payment intent only: found across stores.
  return acrossStores(ctx, 'provider-webhook', async ({ db }) => {
    const [payment] = await db
      .update(payments)
      .set({
        feeCents: details.feeCents,
        netCents: details.netCents,
        receiptUrl: details.receiptUrl,
        updatedAt: ctx.now(),
      })
      .where(eq(payments.paymentIntentId, paymentIntentId))
      .returning();
    if (!payment) return false;
    await db
      .update(orders)
      .set({ feeCents: details.feeCents })
      .where(eq(orders.id, payment.orderId));
    return true;
  });
}
