import type { Ticket } from '../../events/types.ts';
import { recordAudit } from '../audit.ts';
import { releaseDiscount } from '../discounts/redeem-discount.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { queueEmail } from '../notifications/email.ts';
import { queueRefund } from '../payments/refunds.ts';
import { changeTicket } from './ticket-change.ts';
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
  return changeTicket(ctx, manager.storeId, input, async (ticket) => {
    const before = { status: ticket.order.status, paymentStatus: ticket.order.paymentStatus };
    const status = nextStatus(ticket.order, 'cancel', ticket.now);
    await ticket.save({
      status,
      canceledAt: ticket.now,
      cancelReason: input.reason,
    });
    // A canceled order used nothing: its discount code's use goes back.
    await releaseDiscount(ticket.tx, ticket.order);
    await queueRefund(
      ticket.tx,
      ticket.order,
      input.refundCents ?? ticket.order.totalCents,
      input.reason,
      'cancel',
    );
    const store = await ticket.store();
    if (store) await queueEmail(ticket.tx, store, ticket.order, 'canceled');
    // Money may move (a refund): the audit log keeps who canceled, why, and what was asked back.
    await recordAudit(ticket.tx.db, manager, {
      action: 'order.canceled',
      entity: 'order',
      entityId: ticket.order.id,
      before,
      after: {
        status,
        reason: input.reason,
        refundCents:
          before.paymentStatus === 'paid' ? (input.refundCents ?? ticket.order.totalCents) : 0,
      },
    });
    ticket.events.push({
      type: 'order.canceled',
      orderId: ticket.order.id,
      payload: {
        status,
        version: ticket.order.version,
        number: ticket.order.number,
        reason: input.reason,
      },
    });
  });
}
