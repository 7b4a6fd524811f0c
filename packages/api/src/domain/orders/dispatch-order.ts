import { orders, type Order } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Ticket } from '../../events/types.ts';
import { requireFrontOfHouse } from '../auth/require-front-of-house.ts';
import type { DomainContext } from '../context.ts';
import { queueDispatchedMessages } from '../notifications/order-messages.ts';
import { NotFoundError } from '../errors.ts';
import { internationalPhone } from './phone.ts';
import { changeTicket } from './ticket-change.ts';
import type { DispatchOrderInput } from './schemas.ts';
import { nextStatus } from './state-machine.ts';
import { inStore } from '../transaction.ts';

/**
 * A ready delivery leaves with its driver: OUT_FOR_DELIVERY, off the kitchen screens, "on the
 * way" on the tracker and the board, and a text to the guest who agreed to texts. Done at the
 * pass (a manager or the expo screen); it is completed when it has been handed over.
 */
export async function dispatchOrder({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: DispatchOrderInput;
}): Promise<Ticket> {
  const { storeId } = await requireFrontOfHouse(ctx);
  return changeTicket(ctx, storeId, input, async (ticket) => {
    const status = nextStatus(ticket.order, 'dispatch', ticket.now);
    const store = await ticket.store();
    if (!store) throw new NotFoundError('store');
    const typed = input.driver?.phone;
    await ticket.save({
      status,
      outForDeliveryAt: ticket.now,
      driverName: input.driver?.name ?? null,
      driverPhone: typed ? internationalPhone(store, typed, ['driver', 'phone']) : null,
    });
    await queueDispatchedMessages(ticket.tx, store, ticket.order);
    ticket.events.push({
      type: 'order.dispatched',
      orderId: ticket.order.id,
      payload: {
        status,
        version: ticket.order.version,
        number: ticket.order.number,
        driverName: ticket.order.driverName,
      },
    });
  });
}

export interface OnTheRoad {
  orderId: string;
  number: number;
  version: number;
  customerName: string;
  address: string | null;
  driverName: string | null;
  driverPhone: string | null;
  outForDeliveryAt: string | null;
}

/** Deliveries out with a driver, oldest first: what the pass marks delivered when told. */
export async function deliveriesOnTheRoad({ ctx }: { ctx: DomainContext }): Promise<OnTheRoad[]> {
  const { storeId } = await requireFrontOfHouse(ctx);
  const rows: Order[] = await inStore(ctx, storeId, ({ db }) =>
    db
      .select()
      .from(orders)
      .where(and(eq(orders.storeId, storeId), eq(orders.status, 'OUT_FOR_DELIVERY')))
      .orderBy(asc(orders.outForDeliveryAt))
      .limit(200),
  );
  return rows.map((o) => ({
    orderId: o.id,
    number: o.number,
    version: o.version,
    customerName: o.customerName,
    address: [o.deliveryAddress, o.deliveryPostcode].filter(Boolean).join(', ') || null,
    driverName: o.driverName,
    driverPhone: o.driverPhone,
    outForDeliveryAt: o.outForDeliveryAt?.toISOString() ?? null,
  }));
}
