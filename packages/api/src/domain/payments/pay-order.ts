import type { DomainContext } from '../context.ts';
import { InvalidTransitionError, ValidationError } from '../errors.ts';
import { findTrackedOrder } from '../tracker/get-tracked-order.ts';
import type { PayOrderInput } from './schemas.ts';
import { startCheckout } from './start-checkout.ts';

/** "Pay now" from the tracker: the open checkout, or a new one after a decline or a lapse. */
export async function payOrder({ ctx, input }: { ctx: DomainContext; input: PayOrderInput }) {
  const order = await findTrackedOrder(ctx, input.trackingToken);
  if (order.status !== 'PENDING_PAYMENT') throw new InvalidTransitionError(order.status, 'payFor');
  const checkoutUrl = await startCheckout(ctx, order.storeId, order.id);
  if (!checkoutUrl) throw new ValidationError({ key: 'orders.payAtCounter' });
  return { checkoutUrl };
}
