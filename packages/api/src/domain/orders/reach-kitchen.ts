import type { Order, OrderItem, Store } from '@kds/db';
import type { Actor } from '../../events/types.ts';
import type { TxContext } from '../context.ts';
import { queuePaidMessages } from '../notifications/order-messages.ts';
import { recordEvents } from '../record-events.ts';
import { saveOrder } from './internal.ts';
import { nextStatus } from './state-machine.ts';
import { toTicket } from './ticket-view.ts';

/**
 * An order waiting for its payment is paid (online, or at the counter after all): it goes
 * through the state machine to PLACED and reaches the kitchen. Answers the order as saved.
 */
export async function payAndPlace(
  tx: TxContext,
  store: Store | undefined,
  waiting: { order: Order; items: OrderItem[] },
  payment: Pick<Parameters<typeof saveOrder>[2], 'paymentStatus' | 'paymentExpiresAt'>,
  actor?: Actor,
): Promise<Order> {
  const now = tx.now();
  const placed = await saveOrder(tx, waiting.order, {
    status: nextStatus(waiting.order, 'pay', now),
    paidAt: now,
    placedAt: now,
    ...payment,
  });
  await reachKitchen(tx, store, placed, waiting.items, actor);
  return placed;
}

/**
 * The one way an order reaches the kitchen, once it is PLACED (paid, or to pay at the counter):
 * the guest hears it is in, and `order.placed` carries its ticket to every screen.
 */
export async function reachKitchen(
  tx: TxContext,
  store: Store | undefined,
  placed: Order,
  items: OrderItem[],
  actor?: Actor,
): Promise<void> {
  if (store) await queuePaidMessages(tx, store, placed);
  await recordEvents(
    tx,
    placed.storeId,
    [{ type: 'order.placed', orderId: placed.id, payload: { ticket: toTicket(placed, items) } }],
    actor,
  );
}
