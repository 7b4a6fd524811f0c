import type { Ticket } from '../../events/types.ts';
import { recordAudit } from '../audit.ts';
import { releaseDiscount } from '../discounts/redeem-discount.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { saveOrder } from './internal.ts';
import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { queueEmail } from '../notifications/email.ts';
import { queueRefund } from '../payments/refunds.ts';
import { mutateTicket } from './mutate-ticket.ts';
import type { CancelOrderInput } from './schemas.ts';
import { nextStatus } from './state-machine.ts';

/**
 * A manager cancels an open order; it leaves every screen. A paid order is refunded (all of it,
 * or `refundCents`) through the outbox, in the same transaction as the cancel.
 */
export async function cancelOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: CancelOrderInput;
}): Promise<Ticket> {
  const manager = requireManager(ctx);
  return mutateTicket(ctx, manager.storeId, input, async (state) => {
    const before = { status: state.order.status, paymentStatus: state.order.paymentStatus };
    const status = nextStatus(state.order, 'cancel', state.now);
    state.order = await saveOrder(state.tx, state.order, {
      status,
      canceledAt: state.now,
      cancelReason: input.reason,
    });
    // A canceled order used nothing: its discount code's use goes back.
    await releaseDiscount(state.tx, state.order);
    await queueRefund(
      state.tx,
      state.order,
      input.refundCents ?? state.order.totalCents,
      input.reason,
      'cancel',
    );
    const [store] = await state.tx.db
      .select()
      .from(stores)
      .where(eq(stores.id, state.order.storeId));
    if (store) await queueEmail(state.tx, store, state.order, 'canceled');
    // Money may move (a refund): the audit log keeps who canceled, why, and what was asked back.
    await recordAudit(state.tx.db, manager, {
      action: 'order.canceled',
      entity: 'order',
      entityId: state.order.id,
      before,
      after: {
        status,
        reason: input.reason,
        refundCents:
          before.paymentStatus === 'paid' ? (input.refundCents ?? state.order.totalCents) : 0,
      },
    });
    state.events.push({
      type: 'order.canceled',
      orderId: state.order.id,
      payload: {
        status,
        version: state.order.version,
        number: state.order.number,
        reason: input.reason,
      },
    });
  });
}
