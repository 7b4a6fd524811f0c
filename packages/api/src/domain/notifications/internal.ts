import { orders, stores, type Order, type OutboxMessage, type Store } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';

/**
 * Queues a message about an order in the caller's transaction, once per order, channel and kind.
 * It keeps the kind, not the text: texts carry the pickup code, which is never stored. A guest's
 * number or address was typed by whoever placed the order, so what goes to it is limited per
 * day; the store's own staff addresses are not.
 */
export function queueOrderMessage(
  tx: TxContext,
  store: Store,
  order: Order,
  message: {
    channel: 'sms' | 'call' | 'email';
    kind: string;
    recipient: string;
    to: 'guest' | 'staff';
  },
  /** Sets apart messages of one kind to several recipients (staff emails). */
  distinct = '',
): Promise<boolean> {
  return enqueue(
    tx,
    {
      storeId: store.id,
      orderId: order.id,
      channel: message.channel,
      dedupeKey: `order:${order.id}:${message.channel}:${message.kind}${distinct && `:${distinct}`}`,
      recipient: message.recipient,
      template: `${message.channel}.${message.kind}`,
      payload: { kind: message.kind },
    },
    message.to === 'guest' ? { perRecipientPerDay: tx.config.messagesPerRecipientPerDay } : {},
  );
}

/** The order a queued message is about, with its store, read when the message is sent. */
export async function messageSubject(
  ctx: DomainContext,
  message: OutboxMessage,
): Promise<{ order: Order; store: Store }> {
  if (!message.orderId) throw new NotFoundError('order');
  const [row] = await ctx.db
    .select({ order: orders, store: stores })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .where(eq(orders.id, message.orderId));
  if (!row) throw new NotFoundError('order');
  return row;
}
