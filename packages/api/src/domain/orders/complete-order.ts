import { orders, stores } from '@kds/db';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { changeTicket } from './ticket-change.ts';
import { MAX_PICKUP_ATTEMPTS, pickupCodeMatches } from './pickup-code.ts';
import type { CompleteOrderInput } from './schemas.ts';
import { nextStatus } from './state-machine.ts';
import { inStore } from '../transaction.ts';

/**
 * The order is handed over. Where the store requires it, a pickup order needs its code: valid
 * for a while after READY, and locked after five wrong tries. A wrong try is counted in its own
 * statement before anything else, so refusing the completion cannot roll the count back.
 */
export async function completeOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: CompleteOrderInput;
}): Promise<Ticket> {
  const { storeId } = requireKitchen(ctx);
  const [row] = await inStore(ctx, storeId, ({ db }) =>
    db
      .select({ order: orders, settings: stores.settings })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, storeId))),
  );
  if (!row) throw new NotFoundError('order', { orderId: input.orderId });
  const { order, settings } = row;
  if (settings.pickupCodeRequired && order.fulfilment === 'pickup') {
    if (order.pickupCodeAttempts >= MAX_PICKUP_ATTEMPTS) {
      throw new RateLimitedError({ key: 'orders.pickupCodeGuesses' });
    }
    if (!order.pickupCodeExpiresAt || order.pickupCodeExpiresAt <= ctx.now()) {
      throw new ValidationError({ key: 'orders.pickupCodeExpired' });
    }
    const right =
      input.pickupCode !== undefined &&
      order.pickupCodeHash !== null &&
      pickupCodeMatches(ctx.config.pickupPepper, order.id, order.pickupCodeHash, input.pickupCode);
    if (!right) {
      // Counted in a transaction of its own: the refusal below must not undo it.
      await inStore(ctx, storeId, ({ db }) =>
        db
          .update(orders)
          .set({ pickupCodeAttempts: sql`${orders.pickupCodeAttempts} + 1` })
          .where(and(eq(orders.id, order.id), lt(orders.pickupCodeAttempts, MAX_PICKUP_ATTEMPTS))),
      );
      throw new ValidationError(
        { key: 'orders.pickupCodeWrong' },
        {
          problems: [{ path: ['pickupCode'], code: 'PICKUP_CODE_WRONG' }],
        },
      );
    }
  }
  return changeTicket(ctx, storeId, input, async (ticket) => {
    const status = nextStatus(ticket.order, 'complete', ticket.now);
    await ticket.save({ status, completedAt: ticket.now });
    ticket.events.push({
      type: 'order.completed',
      orderId: ticket.order.id,
      payload: { status, version: ticket.order.version, number: ticket.order.number },
    });
  });
}
