import {
  orderItems,
  orders,
  outbox,
  smsOptOuts,
  type Order,
  type OrderItem,
  type Queryable,
} from '@kds/db';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { guestLine } from '../orders/guest-line.ts';
import { guestIn, matching } from './internal.ts';
import type { CustomerInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/** Everything this store holds about a guest, found by phone or email, as one document. */
export async function customerData({
  ctx,
  input: typed,
}: {
  ctx: DomainContext;
  input: CustomerInput;
}) {
  const { storeId } = requireManager(ctx);
  return inStore(ctx, storeId, async (tx) => {
    const input = await guestIn(tx, storeId, typed);
    const found = await tx.db
      .select()
      .from(orders)
      .where(matching(storeId, input))
      .orderBy(asc(orders.createdAt));
    const ids = found.map((o) => o.id);
    const recipients = [input.phone, input.email].filter((r): r is string => Boolean(r));
    const [items, messages, optOut] = await Promise.all([
      ids.length
        ? tx.db.select().from(orderItems).where(inArray(orderItems.orderId, ids))
        : Promise.resolve([]),
      guestMessages(tx.db, storeId, ids, recipients),
      input.phone
        ? tx.db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, input.phone))
        : Promise.resolve([]),
    ]);
    return {
      subject: input,
      exportedAt: tx.now().toISOString(),
      orders: found.map((order) => guestOrder(order, items)),
      messages,
      textOptOut: optOut[0] ? { since: optOut[0].optedOutAt } : null,
    };
  });
}

/** Messages about their orders or sent to them: what went, when, not what it said. */
function guestMessages(db: Queryable, storeId: string, orderIds: string[], recipients: string[]) {
  return db
    .select({
      channel: outbox.channel,
      template: outbox.template,
      recipient: outbox.recipient,
      status: outbox.status,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      orderId: outbox.orderId,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.storeId, storeId),
        or(
          orderIds.length ? inArray(outbox.orderId, orderIds) : undefined,
          recipients.length ? inArray(outbox.recipient, recipients) : undefined,
        ),
      ),
    );
}

/** An order as its guest may read it: without the secrets that prove who may see it. */
function guestOrder(order: Order, items: OrderItem[]) {
  const {
    pickupCodeHash: _h,
    idempotencyKey: _k,
    requestHash: _r,
    trackingToken: _t,
    ...o
  } = order;
  return {
    ...o,
    items: items.filter((i) => i.orderId === o.id).map(guestLine),
  };
}
