import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvents } from '../record-events.ts';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { queuePaidMessages } from '../notifications/order-messages.ts';
import { lockOrder, saveOrder } from '../orders/internal.ts';
import { nextStatus } from '../orders/state-machine.ts';
import { toTicket } from '../orders/ticket-view.ts';
import { inStore } from '../transaction.ts';

export const MarkPaidInput = z.object({ orderId: z.uuid() });
export type MarkPaidInput = z.infer<typeof MarkPaidInput>;

/**
 * The guest of an online order paid at the counter instead: the order goes to the kitchen now,
 * once, as if the payment had come through. A checkout the guest completes later anyway is a
 * late payment, flagged and refunded by the webhook handler.
 */
export async function markPaidAtCounter({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: MarkPaidInput;
}) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const { order, items } = await lockOrder(tx, manager.storeId, input.orderId, undefined);
    if (order.status !== 'PENDING_PAYMENT') {
      throw new InvalidTransitionError(order.status, 'markPaidAtCounter');
    }
    const now = tx.now();
    const saved = await saveOrder(tx, order, {
      status: nextStatus(order, 'pay', now),
      paymentStatus: 'at_counter',
      paidAt: now,
      placedAt: now,
      paymentExpiresAt: null,
    });
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, order.storeId));
    if (store) await queuePaidMessages(tx, store, saved);
    await recordAudit(tx.db, manager, {
      action: 'order.paid_at_counter',
      entity: 'order',
      entityId: order.id,
      before: { status: order.status, paymentStatus: order.paymentStatus },
      after: { status: saved.status, paymentStatus: saved.paymentStatus },
    });
    await recordEvents(tx, order.storeId, [
      { type: 'order.placed', orderId: order.id, payload: { ticket: toTicket(saved, items) } },
    ]);
    return { orderId: saved.id, status: saved.status, paymentStatus: saved.paymentStatus };
  });
}
