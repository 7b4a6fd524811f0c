import type { Order, Store } from '@kds/db';
import type { TxContext } from '../context.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import { messageSubject, queueOrderMessage } from './internal.ts';
import { messageValues } from './sms.ts';
import { renderTemplate, templateFor } from './templates.ts';

/** Places an automated call that says `words`; resolves with the provider's call id. */
export interface CallTransport {
  /** `recorded`: no provider is configured; the call was written down, not placed. */
  call(to: string, words: string): Promise<{ id: string; recorded?: boolean }>;
}

/**
 * Queues the "your order is ready" call, in the caller's transaction: only when the store
 * calls guests and this guest agreed to be called; once per order, however often it is readied.
 */
export async function queueReadyCall(tx: TxContext, store: Store, order: Order): Promise<void> {
  if (!order.callConsent || !order.customerPhone || !store.settings.notifications.call) return;
  await queueOrderMessage(tx, store, order, {
    channel: 'call',
    kind: 'ready',
    recipient: order.customerPhone,
    to: 'guest',
  });
}

/** The outbox sender for calls: the sentence is rendered now, in the store's words. */
export function callSender(transport: CallTransport): OutboxSender {
  return async (message, ctx) => {
    const { order, store } = await messageSubject(ctx, message);
    const values = await messageValues(ctx, store, order);
    const words = renderTemplate(templateFor(store, 'callReady'), values);
    const { id, recorded } = await transport.call(message.recipient, words);
    return { providerId: id, recorded: recorded ?? false };
  };
}
