import { orders, stores } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../errors.ts';
import { startCheckout } from './start-checkout.ts';
import { queueEmail } from '../notifications/email.ts';
import { withTransaction } from '../transaction.ts';

export const PaymentLinkInput = z.object({
  orderId: z.uuid(),
  /** Also email it to the customer's address on the order. */
  email: z.boolean().default(false),
});
export type PaymentLinkInput = z.infer<typeof PaymentLinkInput>;

/**
 * For orders taken by phone or at the counter: the link the customer pays with, copied by the
 * manager or emailed to the customer (once per order). The order reaches the kitchen only when paid.
 */
export async function paymentLink({ ctx, input }: { ctx: DomainContext; input: PaymentLinkInput }) {
  const manager = requireManager(ctx);
  const [order] = await ctx.db
    .select()
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.storeId, manager.storeId)));
  if (!order) throw new NotFoundError('order', { orderId: input.orderId });
  if (order.status !== 'PENDING_PAYMENT')
    throw new InvalidTransitionError(order.status, 'send a payment link for');
  const checkoutUrl = await startCheckout(ctx, order.id);
  if (!checkoutUrl) throw new ValidationError('online payment is not available here');
  let emailed = false;
  if (input.email) {
    if (!order.customerEmail) throw new ValidationError('the order has no email address');
    const [store] = await ctx.db.select().from(stores).where(eq(stores.id, order.storeId));
    if (!store?.settings.notifications.email) throw new ValidationError('email is turned off');
    emailed = await withTransaction(ctx, (tx) => queueEmail(tx, store, order, 'payment_link'));
  }
  return {
    checkoutUrl,
    trackingUrl: `${ctx.config.publicUrl}/track/${order.trackingToken}`,
    emailed,
  };
}
