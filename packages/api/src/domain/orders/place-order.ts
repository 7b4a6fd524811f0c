import { orderItems, orders, type Store } from '@kds/db';
import { appendEvents } from '../../events/append-events.ts';
import { redeemDiscount } from '../discounts/redeem-discount.ts';
import type { DomainContext, TxContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { queuePaidMessages } from '../notifications/order-messages.ts';
import { queuePaymentLink, type LinkDelivery } from '../notifications/payment-link-messages.ts';
import { startCheckout } from '../payments/start-checkout.ts';
import { inStore } from '../transaction.ts';
import { businessDateOf } from './business-date.ts';
import { deliveryProblems } from './delivery.ts';
import { storeAt } from '../stores/store-slug.ts';
import { paymentMethodFor } from './payment-method.ts';
import { nextNumber } from './order-number.ts';
import { orderRow } from './order-row.ts';
import {
  findByKey,
  fingerprint,
  replay,
  result,
  type PlaceOrderResult,
} from './placement-replay.ts';
import { priceOrder } from './pricing.ts';
import type { PlaceOrderInput } from './schemas.ts';
import { toTicket } from './ticket-view.ts';
import { withInternationalPhone } from './phone.ts';

export type { PlaceOrderResult } from './placement-replay.ts';
export { businessDateOf } from './business-date.ts';

/** Thrown inside the transaction to roll it back when a concurrent twin already committed. */
class DuplicateRequest extends Error {}

/** How an order comes in, beyond what its form says. */
export interface Placement {
  method: 'online' | 'counter';
  source: 'guest' | 'staff' | 'api';
  /** Minutes an unpaid order may be paid in; the store's window for guests by default. */
  paymentMinutes?: number;
  /** Staff sending a payment link: the ways it goes to the guest, in the order's transaction. */
  sendLinkBy?: LinkDelivery;
}

/** A guest's order from the QR menu or a kiosk. */
export async function placeOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PlaceOrderInput;
}): Promise<PlaceOrderResult> {
  const store = await storeAt(ctx, input.storeSlug);
  return placeInStore(ctx, store, input, () => ({
    method: paymentMethodFor(store, input.payment, ctx.payments !== null),
    source: 'guest',
  }));
}

/**
 * Places an order with the guest's rules (menu, pricing, pacing, delivery area), whoever keys
 * it in. A repeated idempotency key returns the order it made before anything is decided.
 */
export async function placeInStore(
  ctx: DomainContext,
  store: Store,
  input: PlaceOrderInput,
  decide: () => Placement,
): Promise<PlaceOrderResult> {
  input = withInternationalPhone(store, input);
  const requestHash = fingerprint(input);
  const earlier = await findByKey(ctx, store.id, input.idempotencyKey);
  if (earlier) return withCheckout(ctx, store.id, replay(earlier, requestHash));
  const placement = decide();
  const delivery = await deliveryProblems(ctx, store, input.fulfilment);
  if (delivery.length > 0) {
    throw new ValidationError({ key: 'orders.cannotPlace' }, { problems: delivery });
  }

  try {
    const placed = await inStore(ctx, store.id, (tx) =>
      insertOrder(tx, store, input, { ...placement, requestHash }),
    );
    return placement.sendLinkBy ? placed : await withCheckout(ctx, store.id, placed);
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const twin = await findByKey(ctx, store.id, input.idempotencyKey);
    if (!twin) throw error;
    return withCheckout(ctx, store.id, replay(twin, requestHash));
  }
}

/** The order, its items, its messages and its first event, in the caller's transaction. */
async function insertOrder(
  tx: TxContext,
  store: Store,
  input: PlaceOrderInput,
  how: Placement & { requestHash: string },
): Promise<PlaceOrderResult> {
  const now = tx.now();
  const businessDate = businessDateOf(now, store.timezone);
  const number = await nextNumber(tx, store.id, businessDate);
  const priced = await priceOrder(tx.tx, store, input, { now, lock: true });
  if (priced.problems.length > 0) {
    throw new ValidationError({ key: 'orders.cannotPlace' }, { problems: priced.problems });
  }
  const [order] = await tx.tx
    .insert(orders)
    .values(
      orderRow({
        store,
        input,
        priced,
        ...how,
        number,
        businessDate,
        now,
        pepper: tx.config.pickupPepper,
      }),
    )
    .onConflictDoNothing({ target: [orders.storeId, orders.idempotencyKey] })
    .returning();
  if (!order) throw new DuplicateRequest();
  const items = await tx.tx
    .insert(orderItems)
    .values(
      priced.lines.map((line, position) => ({
        ...line,
        orderId: order.id,
        storeId: store.id,
        position,
      })),
    )
    .returning();
  await redeemDiscount(tx, order);
  const atCounter = how.method === 'counter';
  if (atCounter) await queuePaidMessages(tx, store, order);
  if (how.sendLinkBy) await queuePaymentLink(tx, store, order, how.sendLinkBy);
  await appendEvents(tx, store.id, [
    atCounter
      ? { type: 'order.placed', orderId: order.id, payload: { ticket: toTicket(order, items) } }
      : {
          type: 'order.created',
          orderId: order.id,
          payload: { status: order.status, number: order.number, version: order.version },
        },
  ]);
  return result(order);
}

/**
 * An order waiting for online payment gets its hosted checkout after it has committed. If the
 * provider fails now, the order still exists and the tracker's "Pay now" tries again.
 */
async function withCheckout(
  ctx: DomainContext,
  storeId: string,
  placed: PlaceOrderResult,
): Promise<PlaceOrderResult> {
  if (placed.status !== 'PENDING_PAYMENT') return placed;
  const checkoutUrl = await startCheckout(ctx, storeId, placed.orderId).catch(() => null);
  return { ...placed, checkoutUrl };
}
