import { orderItems, orders, stores } from '@kds/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { findStation } from '../orders/internal.ts';
import { kitchenPaymentStatuses, kitchenStatuses } from '../orders/state-machine.ts';
import { toTicket } from '../orders/ticket-view.ts';
import type { KitchenTicketsInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

export interface TicketSnapshot {
  tickets: Ticket[];
  /** Seq of the last event reflected in `tickets`; subscribe from here. */
  cursor: string;
  serverTime: string;
}

/**
 * Open tickets and the cursor they correspond to, read in one repeatable-read snapshot so the
 * two agree exactly. Fire order: priority first, then oldest.
 */
export async function listTickets({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: KitchenTicketsInput;
}): Promise<TicketSnapshot> {
  const { storeId } = requireKitchen(ctx);

  return inStore(
    ctx,
    storeId,
    async ({ db }) => {
      if (input.stationId) await findStation(db, storeId, input.stationId);
      const [store] = await db
        .select({ eventSeq: stores.eventSeq })
        .from(stores)
        .where(eq(stores.id, storeId));
      const open = await db
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.storeId, storeId),
            inArray(orders.status, [...kitchenStatuses]),
            inArray(orders.paymentStatus, [...kitchenPaymentStatuses]),
          ),
        )
        .orderBy(desc(orders.priority), asc(orders.placedAt));
      const items = open.length
        ? await db
            .select()
            .from(orderItems)
            .where(
              inArray(
                orderItems.orderId,
                open.map((o) => o.id),
              ),
            )
            .orderBy(asc(orderItems.position))
        : [];
      const tickets = open
        .map((order) =>
          toTicket(
            order,
            items.filter((i) => i.orderId === order.id),
          ),
        )
        .filter((t) => !input.stationId || t.items.some((i) => i.stationId === input.stationId));
      return {
        tickets,
        cursor: String(store?.eventSeq ?? 0),
        serverTime: ctx.now().toISOString(),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
