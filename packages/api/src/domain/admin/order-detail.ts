import {
  apiKeys,
  auditLog,
  devices,
  orderEvents,
  orderItems,
  orders,
  outbox,
  payments,
  staff,
  stations,
  type Order,
  type Queryable,
} from '@kds/db';
import { and, asc, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { messageLabel } from '../outbox/labels.ts';
import { orderTimeline } from './order-timeline.ts';
import type { OrderDetailInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * Everything about one order of the manager's store: items, payments, messages, and a single
 * timeline of its events, messages, payments and staff actions, each with who did it.
 */
export async function orderDetail({ ctx, input }: { ctx: DomainContext; input: OrderDetailInput }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [order] = await tx.db
      .select()
      .from(orders)
      .where(and(eq(orders.id, input.orderId), eq(orders.storeId, manager.storeId)));
    if (!order) throw new NotFoundError('order', { orderId: input.orderId });

    const [items, paid, messages, events, audits] = await orderRecords(tx.db, order);

    const timeline = orderTimeline({ events, messages, paid, audits });

    const { pickupCodeHash: _hash, idempotencyKey: _key, requestHash: _request, ...safe } = order;
    return {
      order: safe,
      items: items.map(({ item, station }) => ({ ...item, station })),
      payments: paid.map(({ checkoutUrl: _url, ...p }) => p),
      messages: messages.map(({ payload: _payload, ...m }) => ({
        ...m,
        label: messageLabel(m.template),
      })),
      timeline,
    };
  });
}

/** The order's lines (with their stations), payments, messages, events (with who) and audits. */
function orderRecords(db: Queryable, order: Order) {
  return Promise.all([
    db
      .select({ item: orderItems, station: stations.name })
      .from(orderItems)
      .leftJoin(stations, eq(stations.id, orderItems.stationId))
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.position)),
    db
      .select()
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
    db.select().from(outbox).where(eq(outbox.orderId, order.id)).orderBy(asc(outbox.createdAt)),
    db
      .select({
        event: orderEvents,
        staffName: staff.name,
        deviceName: devices.name,
        keyName: apiKeys.name,
      })
      .from(orderEvents)
      .leftJoin(staff, and(eq(orderEvents.actorKind, 'staff'), eq(staff.id, orderEvents.actorId)))
      .leftJoin(
        devices,
        and(eq(orderEvents.actorKind, 'device'), eq(devices.id, orderEvents.actorId)),
      )
      .leftJoin(
        apiKeys,
        and(eq(orderEvents.actorKind, 'api_key'), eq(apiKeys.id, orderEvents.actorId)),
      )
      .where(and(eq(orderEvents.storeId, order.storeId), eq(orderEvents.orderId, order.id)))
      .orderBy(asc(orderEvents.seq)),
    db
      .select({ entry: auditLog, staffName: staff.name })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.staffId))
      .where(and(eq(auditLog.storeId, order.storeId), eq(auditLog.entityId, order.id)))
      .orderBy(asc(auditLog.createdAt)),
  ]);
}
