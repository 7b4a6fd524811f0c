import { orderStatus, type OrderStatus } from '@kds/db';
import { InvalidTransitionError } from '../errors.ts';

/** The database enum is the one list of statuses. */
export const orderStatuses = orderStatus.enumValues;
export type { OrderStatus };

export const orderActions = [
  'pay',
  'expire',
  'start',
  'ready',
  'recall',
  'cancel',
  'dispatch',
  'complete',
] as const;
export type OrderAction = (typeof orderActions)[number];

/** A completed order may be recalled to READY for this long (a mistaken completion). */
export const RECALL_COMPLETED_WINDOW_MS = 10 * 60 * 1000;

const transitions: Record<OrderStatus, Partial<Record<OrderAction, OrderStatus>>> = {
  PENDING_PAYMENT: { pay: 'PLACED', expire: 'EXPIRED' },
  PLACED: { start: 'PREPARING', cancel: 'CANCELED' },
  PREPARING: { ready: 'READY', cancel: 'CANCELED' },
  READY: {
    recall: 'PREPARING',
    cancel: 'CANCELED',
    dispatch: 'OUT_FOR_DELIVERY',
    complete: 'COMPLETED',
  },
  OUT_FOR_DELIVERY: { complete: 'COMPLETED' },
  COMPLETED: { recall: 'READY' },
  CANCELED: {},
  EXPIRED: {},
};

export interface TransitionSubject {
  status: OrderStatus;
  fulfilment: 'dine_in' | 'pickup' | 'delivery';
  completedAt: Date | null;
}

/**
 * Where an order starts: one to pay at the counter goes straight to the kitchen (PLACED); one
 * to pay online waits for its payment (PENDING_PAYMENT), and `pay` moves it on.
 */
export function firstStatus(paysAtCounter: boolean): OrderStatus {
  return paysAtCounter ? 'PLACED' : 'PENDING_PAYMENT';
}

/** The status after `action`, or an InvalidTransitionError. Pure: no I/O, no clock of its own. */
export function nextStatus(order: TransitionSubject, action: OrderAction, now: Date): OrderStatus {
  const next = transitions[order.status][action];
  if (!next) throw new InvalidTransitionError(order.status, action);
  if (action === 'dispatch' && order.fulfilment !== 'delivery') {
    throw new InvalidTransitionError(order.status, 'dispatchNotDelivery');
  }
  if (order.status === 'COMPLETED' && action === 'recall') {
    const completedAt = order.completedAt?.getTime() ?? -Infinity;
    if (now.getTime() - completedAt > RECALL_COMPLETED_WINDOW_MS) {
      throw new InvalidTransitionError(order.status, 'recallTooLate');
    }
  }
  return next;
}

/** Statuses in which a ticket is on the kitchen's screens. */
export const kitchenStatuses = [
  'PLACED',
  'PREPARING',
  'READY',
] as const satisfies readonly OrderStatus[];

/** Only paid or pay-at-counter orders reach the kitchen. */
export const kitchenPaymentStatuses = ['paid', 'at_counter', 'partially_refunded'] as const;

export function isOnKitchenScreens(order: { status: string; paymentStatus: string }): boolean {
  return (
    (kitchenStatuses as readonly string[]).includes(order.status) &&
    (kitchenPaymentStatuses as readonly string[]).includes(order.paymentStatus)
  );
}
