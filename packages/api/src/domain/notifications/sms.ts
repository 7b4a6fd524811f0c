import type { Order, OutboxMessage, Store } from '@kds/db';
import { formatClock, formatLocale, type Language } from '@kds/i18n';
import type { DomainContext, TxContext } from '../context.ts';
import { PermanentFailure, type OutboxSender } from '../outbox/run-outbox.ts';
import { estimateFor } from '../tracker/estimate-ready.ts';
import { messageSubject, queueOrderMessage } from './internal.ts';
import { isOptedOut, markOptedOut } from './opt-out.ts';
import { paymentTerms } from './payment-terms.ts';
import { formatMoney } from '../money.ts';
import { guestLanguageOf } from '../stores/languages.ts';
import { renderTemplate, templateFor, type TemplateValues } from './templates.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';
import { inStore } from '../transaction.ts';

export type SmsKind = 'confirmation' | 'started' | 'ready' | 'dispatched' | 'payment_link';

/** Sends one text message; resolves with the provider's id. */
export interface SmsTransport {
  /** `recorded`: no provider is configured; the text was written down, not sent. */
  send(to: string, body: string): Promise<{ id: string; recorded?: boolean }>;
}

/** The provider refused the number because its owner replied STOP (Twilio error 21610). */
export class RecipientOptedOut extends Error {
  constructor() {
    super('the recipient has opted out of texts (replied STOP)');
  }
}

/**
 * Queues a text to the guest, in the caller's transaction: only with their consent and the
 * store's, never to a number that replied STOP, and once per order and kind (a recall and a
 * second READY send nothing new). The outbox keeps the kind, not the text: the text carries
 * the pickup code, which is never stored.
 */
export async function queueSms(
  tx: TxContext,
  store: Store,
  order: Order,
  kind: SmsKind,
): Promise<void> {
  if (!order.smsConsent || !order.customerPhone || !store.settings.notifications.sms) return;
  if (await isOptedOut(tx.db, order.customerPhone)) return;
  await queueOrderMessage(tx, store, order, {
    channel: 'sms',
    kind,
    recipient: order.customerPhone,
    to: 'guest',
  });
}

/** The values a guest message is filled with, read when it is sent, as the guest reads them. */
export async function messageValues(
  ctx: DomainContext,
  store: Store,
  order: Order,
  language: Language,
): Promise<TemplateValues> {
  const [eta, terms] = await Promise.all([
    estimateFor(ctx, store, order),
    paymentTerms(ctx, store, order, language),
  ]);
  const clock = (at: Date) =>
    formatClock(at, language, { storeLocale: store.locale, timeZone: store.timezone });
  return {
    store: store.name,
    number: order.number,
    code: order.fulfilment === 'pickup' ? pickupCodeFor(ctx.config.pickupPepper, order.id) : '',
    link: `${ctx.config.publicUrl}/track/${order.trackingToken}`,
    eta: eta ? clock(eta) : terms.readyAt,
    total: formatMoney(order.totalCents, store.currency, formatLocale(language, store.locale)),
    payBy: terms.payBy,
    wait: terms.wait,
    driver: order.driverName ?? '',
  };
}

const TEMPLATE_OF = {
  confirmation: 'smsConfirmation',
  started: 'smsStarted',
  ready: 'smsReady',
  dispatched: 'smsOnTheWay',
  payment_link: 'smsPaymentLink',
} as const;

/** The text, short and transactional, in the guest's language, rendered when it is sent. */
export async function smsBody(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: SmsKind,
): Promise<string> {
  const language = guestLanguageOf(store, order);
  return renderTemplate(
    templateFor(store, TEMPLATE_OF[kind], language),
    await messageValues(ctx, store, order, language),
  );
}

/** Staff alerts carry their words; a guest's text is rendered now (it may hold the pickup code). */
async function textOf(ctx: DomainContext, message: OutboxMessage): Promise<string> {
  if (typeof message.payload.text === 'string') return message.payload.text;
  const { order, store } = await messageSubject(ctx, message);
  return smsBody(ctx, store, order, message.payload.kind as SmsKind);
}

/**
 * The outbox sender for texts: checks the number has not replied STOP since the text was
 * queued, renders the message now and hands it to the transport.
 */
export function smsSender(transport: SmsTransport): OutboxSender {
  return async (message, ctx) => {
    if (await isOptedOut(ctx.db, message.recipient)) {
      throw new PermanentFailure(new RecipientOptedOut().message);
    }
    // Rendered now, acting for the message's store; sent outside any transaction.
    const body = await inStore(ctx, message.storeId, (tx) => textOf(tx, message));
    try {
      const { id, recorded } = await transport.send(message.recipient, body);
      return { providerId: id, recorded: recorded ?? false };
    } catch (error) {
      if (!(error instanceof RecipientOptedOut)) throw error;
      await markOptedOut(ctx, message.recipient);
      throw new PermanentFailure(error.message);
    }
  };
}
