import { orders } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../errors.ts';
import { startCheckout } from './start-checkout.ts';

export const PaymentLinkInput = z.object({ orderId: z.uuid() });
export type PaymentLinkInput = z.infer<typeof PaymentLinkInput>;

/**
 * For orders taken by phone or at the counter: the link the customer pays with (copied by the
 * manager, or emailed once notifications exist). The order reaches the kitchen only when paid.
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
  return { checkoutUrl, trackingUrl: `${ctx.config.publicUrl}/track/${order.trackingToken}` };
}
