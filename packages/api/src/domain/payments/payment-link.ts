import { orders, stores } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../errors.ts';
import { queuePaymentLink } from '../notifications/payment-link-messages.ts';
import { inStore } from '../transaction.ts';

export const PaymentLinkInput = z.object({
  orderId: z.uuid(),
  /** Also email it to the customer's address on the order. */
  email: z.boolean().default(false),
  /** Also text it to the customer's number on the order. */
  sms: z.boolean().default(false),
});
export type PaymentLinkInput = z.infer<typeof PaymentLinkInput>;

/**
 * The link a customer pays an unpaid order with: the order's own page, which shows what they
 * pay for and opens a fresh checkout whenever the last one has lapsed. Copied by the manager,
 * or sent by text or email (once per order and channel). The order reaches the kitchen only
 * when paid.
 */
export async function paymentLink({ ctx, input }: { ctx: DomainContext; input: PaymentLinkInput }) {
  const manager = requireManager(ctx);
  const [row] = await inStore(ctx, manager.storeId, ({ db }) =>
    db
      .select({ order: orders, store: stores })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, manager.storeId))),
  );
  if (!row) throw new NotFoundError('order', { orderId: input.orderId });
  const { order, store } = row;
  if (order.status !== 'PENDING_PAYMENT')
    throw new InvalidTransitionError(order.status, 'sendPaymentLink');
  if (!ctx.payments) throw new ValidationError({ key: 'orders.onlinePaymentUnavailable' });
  if (input.email && !order.customerEmail) throw new ValidationError({ key: 'orders.noEmail' });
  if (input.sms && !order.customerPhone) throw new ValidationError({ key: 'orders.noPhone' });
  const sent = await inStore(ctx, manager.storeId, (tx) =>
    queuePaymentLink(tx, store, order, { sms: input.sms, email: input.email }),
  );
  return { payUrl: `${ctx.config.publicUrl}/track/${order.trackingToken}`, sent };
}
