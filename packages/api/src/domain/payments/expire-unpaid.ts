import { orders, type Order } from '@kds/db';
import { and, eq, lt } from 'drizzle-orm';
import { releaseDiscount } from '../discounts/redeem-discount.ts';
import { recordEvents } from '../record-events.ts';
import type { DomainContext, TxContext } from '../context.ts';
import { lockOrder, saveOrder } from '../orders/internal.ts';
import { nextStatus } from '../orders/state-machine.ts';
import { acrossStores, inStore } from '../transaction.ts';

/**
 * Orders left unpaid past their expiry become EXPIRED (and leave every screen). The state lives
 * in the database, so the job survives restarts and may run on several instances at once: each
 * order is re-checked under its lock. Returns how many it expired.
 */
export async function expireUnpaidOrders(ctx: DomainContext, limit = 100): Promise<number> {
  const due = await acrossStores(ctx, 'job-runner', ({ db }) =>
    db
      .select({ id: orders.id, storeId: orders.storeId })
      .from(orders)
      .where(and(eq(orders.status, 'PENDING_PAYMENT'), lt(orders.paymentExpiresAt, ctx.now())))
      .limit(limit),
  );
  let expired = 0;
  for (const { id, storeId } of due) {
    await inStore(ctx, storeId, async (tx) => {
      const { order } = await lockOrder(tx, storeId, id, undefined);
      if (await expireOrder(tx, order)) expired += 1;
    });
  }
  return expired;
}

/** Expires a locked order if it is still waiting for payment; says whether it did. */
export async function expireOrder(tx: TxContext, order: Order): Promise<boolean> {
  if (order.status !== 'PENDING_PAYMENT') return false;
  const now = tx.now();
  const status = nextStatus(order, 'expire', now);
  const saved = await saveOrder(tx, order, { status, expiredAt: now });
  // The code it reserved goes back: an order nobody paid for has used nothing.
  await releaseDiscount(tx, order);
  await recordEvents(
    tx,
    order.storeId,
    [
      {
        type: 'order.expired',
        orderId: order.id,
        payload: { status, version: saved.version, number: saved.number },
      },
    ],
    { kind: 'system', id: null },
  );
  return true;
}
