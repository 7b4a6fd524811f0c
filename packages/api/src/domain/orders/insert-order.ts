import { orderItems, orders, type Store } from '@kds/db';
import type { TxContext } from '../context.ts';
import { redeemDiscount } from '../discounts/redeem-discount.ts';
import { ValidationError } from '../errors.ts';
import { queuePaymentLink, type LinkDelivery } from '../notifications/payment-link-messages.ts';
import { recordEvents } from '../record-events.ts';
import { businessDateOf } from './business-date.ts';
import { nextNumber } from './order-number.ts';
import { orderRow } from './order-row.ts';
import { fingerprint, result, type PlaceOrderResult } from './placement-replay.ts';
import { priceOrder } from './pricing.ts';
import type { PlaceOrderInput } from './schemas.ts';
import { reachKitchen } from './reach-kitchen.ts';

/**
 * Thrown inside the transaction to roll it back when a concurrent twin (the same idempotency
 * key) committed between this request's look for it and its insert.
 */
export class DuplicateRequest extends Error {
  constructor(readonly store: Store) {
    super('a request with the same idempotency key was placed meanwhile');
  }
}

/** How an order comes in, beyond what its form says. */
export interface Placement {
  method: 'online' | 'counter';
  source: 'guest' | 'staff' | 'api';
  /** Minutes an unpaid order may be paid in; the store's window for guests by default. */
  paymentMinutes?: number;
  /** Staff sending a payment link: the ways it goes to the guest, in the order's transaction. */
  sendLinkBy?: LinkDelivery;
}

/** The order, its items, its messages and its first event, in the caller's transaction. */
export async function insertOrder(
  tx: TxContext,
  store: Store,
  input: PlaceOrderInput,
  how: Placement,
): Promise<PlaceOrderResult> {
  const now = tx.now();
  const businessDate = businessDateOf(now, store.timezone);
  const number = await nextNumber(tx, store.id, businessDate);
  const priced = await priceOrder(tx.db, store, input, { now, lock: true });
  if (priced.problems.length > 0) {
    throw new ValidationError({ key: 'orders.cannotPlace' }, { problems: priced.problems });
  }
  const [order] = await tx.db
    .insert(orders)
    .values(
      orderRow({
        store,
        input,
        priced,
        ...how,
        requestHash: fingerprint(input),
        number,
        businessDate,
        now,
        pepper: tx.config.pickupPepper,
      }),
    )
    .onConflictDoNothing({ target: [orders.storeId, orders.idempotencyKey] })
    .returning();
  if (!order) throw new DuplicateRequest(store);
  const items = await tx.db
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
  if (order.status === 'PLACED') {
    await reachKitchen(tx, store, order, items);
    return result(order);
  }
  if (how.sendLinkBy) await queuePaymentLink(tx, store, order, how.sendLinkBy);
  await recordEvents(tx, store.id, [
    {
      type: 'order.created',
      orderId: order.id,
      payload: { status: order.status, number: order.number, version: order.version },
    },
  ]);
  return result(order);
}
