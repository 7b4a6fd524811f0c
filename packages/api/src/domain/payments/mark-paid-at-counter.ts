import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { lockOrder } from '../orders/internal.ts';
import { inStore } from '../transaction.ts';
import { payAndPlace } from '../orders/reach-kitchen.ts';

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
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, order.storeId));
    const saved = await payAndPlace(
      tx,
      store,
      { order, items },
      { paymentStatus: 'at_counter', paymentExpiresAt: null },
    );
    await recordAudit(tx.db, manager, {
      action: 'order.paid_at_counter',
      entity: 'order',
      entityId: order.id,
      before: { status: order.status, paymentStatus: order.paymentStatus },
      after: { status: saved.status, paymentStatus: saved.paymentStatus },
    });
    return { orderId: saved.id, status: saved.status, paymentStatus: saved.paymentStatus };
  });
}
