import type { Order, Store } from '@kds/db';
import { formatLocale } from '@kds/i18n';
import type { TxContext } from '../context.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import { messageSubject, queueOrderMessage } from './internal.ts';
import { messageValues } from './sms.ts';
import { guestLanguageOf } from '../stores/languages.ts';
import { renderTemplate, templateFor } from './templates.ts';
import { inStore } from '../transaction.ts';

/**
 * Places an automated call that says `words` in `locale`'s voice ("es-MX"); resolves with the
 * provider's call id.
 */
export interface CallTransport {
  /** `recorded`: no provider is configured; the call was written down, not placed. */
  call(to: string, words: string, locale: string): Promise<{ id: string; recorded?: boolean }>;
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

/** The outbox sender for calls: the sentence is rendered now, in the guest's language. */
export function callSender(transport: CallTransport): OutboxSender {
  return async (message, ctx) => {
    // Rendered now, acting for the message's store; the call is made outside any transaction.
    const { words, locale } = await inStore(ctx, message.storeId, async (tx) => {
      const { order, store } = await messageSubject(tx, message);
      const language = guestLanguageOf(store, order);
      const values = await messageValues(tx, store, order, language);
      return {
        words: renderTemplate(templateFor(store, 'callReady', language), values),
        locale: formatLocale(language, store.locale),
      };
    });
    const { id, recorded } = await transport.call(message.recipient, words, locale);
    return { providerId: id, recorded: recorded ?? false };
  };
}
