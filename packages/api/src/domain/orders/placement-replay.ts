import { createHash } from 'node:crypto';
import { orders, type Order } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import type { TxContext } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { totalsOf } from './internal.ts';
import type { Totals } from './pricing.ts';
import type { PlaceOrderInput } from './schemas.ts';
import type { OrderStatus } from './state-machine.ts';

export interface PlaceOrderResult {
  orderId: string;
  number: number;
  trackingToken: string;
  status: OrderStatus;
  totals: Totals;
  /** Where to pay, for online payment (set once the payments gateway is wired). */
  checkoutUrl: string | null;
}

/**
 * A placement repeated with the same idempotency key (a double tap, a retry after a lost answer)
 * returns the order it made, once checked to be the same request: the order, in the store's
 * transaction.
 */
export async function findByKey({ db }: TxContext, storeId: string, key: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.idempotencyKey, key)));
  return order;
}

export function replay(order: Order, requestHash: string): PlaceOrderResult {
  if (order.requestHash !== requestHash) {
    throw new ConflictError({ key: 'orders.keyReused' });
  }
  return result(order);
}

export function result(order: Order): PlaceOrderResult {
  return {
    orderId: order.id,
    number: order.number,
    trackingToken: order.trackingToken,
    status: order.status,
    totals: totalsOf(order),
    checkoutUrl: null,
  };
}

export function fingerprint(input: PlaceOrderInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
