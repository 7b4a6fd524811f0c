import type { Order, Store } from '@kds/db';
import type { DomainContext, TxContext } from '../context.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import { messageSubject, queueGuestMessage } from './internal.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';

export type SmsKind = 'confirmation' | 'ready';

/** Sends one text message; resolves with the provider's id. */
export interface SmsTransport {
  send(to: string, body: string): Promise<{ id: string }>;
}

/**
 * Queues a text to the guest, in the caller's transaction: only with their consent and the
 * store's, and once per order and kind (a recall and a second READY send nothing new). The
 * outbox keeps the kind, not the text: the text carries the pickup code, which is never stored.
 */
export async function queueSms(
  tx: TxContext,
  store: Store,
  order: Order,
  kind: SmsKind,
): Promise<void> {
  if (!order.smsConsent || !order.customerPhone || !store.settings.notifications.sms) return;
  await queueGuestMessage(tx, store, order, {
    channel: 'sms',
    kind,
    recipient: order.customerPhone,
  });
}

/** The text, short and transactional, rendered when it is sent. */
export function smsBody(ctx: DomainContext, store: Store, order: Order, kind: SmsKind): string {
  const code =
    order.fulfilment === 'pickup' ? pickupCodeFor(ctx.config.pickupPepper, order.id) : null;
  if (kind === 'ready') {
    return `${store.name}: order #${order.number} is ready!${code ? ` Show code ${code} at the counter.` : ''}`;
  }
  const track = `${ctx.config.publicUrl}/track/${order.trackingToken}`;
  return `${store.name}: order #${order.number} received. Follow it: ${track}${code ? ` Pickup code: ${code}.` : ''}`;
}

/** The outbox sender for texts: renders the message now and hands it to the transport. */
export function smsSender(transport: SmsTransport): OutboxSender {
  return async (message, ctx) => {
    const { order, store } = await messageSubject(ctx, message);
    const { id } = await transport.send(
      message.recipient,
      smsBody(ctx, store, order, message.payload.kind as SmsKind),
    );
    return { providerId: id };
  };
}
