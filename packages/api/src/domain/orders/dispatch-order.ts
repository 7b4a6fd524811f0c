import { orders, stores, type Order } from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Ticket } from '../../events/types.ts';
import { requireFrontOfHouse } from '../auth/require-front-of-house.ts';
import type { DomainContext } from '../context.ts';
import { queueDispatchedMessages } from '../notifications/order-messages.ts';
import { NotFoundError } from '../errors.ts';
import { saveOrder } from './internal.ts';
import { internationalPhone } from './phone.ts';
import { mutateTicket } from './mutate-ticket.ts';
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
  return mutateTicket(ctx, storeId, input, async (state) => {
    const status = nextStatus(state.order, 'dispatch', state.now);
    const [store] = await state.tx.db.select().from(stores).where(eq(stores.id, storeId));
    if (!store) throw new NotFoundError('store');
    const typed = input.driver?.phone;
    state.order = await saveOrder(state.tx, state.order, {
      status,
      outForDeliveryAt: state.now,
      driverName: input.driver?.name ?? null,
      driverPhone: typed ? internationalPhone(store, typed, ['driver', 'phone']) : null,
    });
    await queueDispatchedMessages(state.tx, store, state.order);
    state.events.push({
      type: 'order.dispatched',
      orderId: state.order.id,
      payload: {
        status,
        version: state.order.version,
        number: state.order.number,
        driverName: state.order.driverName,
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
