import { orderItems, type Order, type Store } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import type { OutboxSender } from '../outbox/run-outbox.ts';
import { messageSubject, queueGuestMessage } from './internal.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';

export type EmailKind = 'confirmation' | 'canceled';

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(email: Email): Promise<{ id: string }>;
}

/** Queues an email to the guest in the caller's transaction: with consent, once per kind. */
export async function queueEmail(
  tx: TxContext,
  store: Store,
  order: Order,
  kind: EmailKind,
): Promise<void> {
  if (!order.emailConsent || !order.customerEmail || !store.settings.notifications.email) return;
  await queueGuestMessage(tx, store, order, {
    channel: 'email',
    kind,
    recipient: order.customerEmail,
  });
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A receipt that reads well on a phone, as plain text and as simple HTML. */
export async function renderEmail(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: EmailKind,
): Promise<Omit<Email, 'to'>> {
  const items = await ctx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  const money = (cents: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: store.currency }).format(
      cents / 100,
    );
  const track = `${ctx.config.publicUrl}/track/${order.trackingToken}`;
  const code =
    kind === 'confirmation' && order.fulfilment === 'pickup'
      ? pickupCodeFor(ctx.config.pickupPepper, order.id)
      : null;
  const lines = items.map((i) => `${i.quantity} x ${i.name}  ${money(i.lineTotalCents)}`);
  const intro =
    kind === 'canceled'
      ? `Your order #${order.number} at ${store.name} was canceled.${order.paymentStatus === 'paid' || order.paymentStatus.includes('refund') ? ' Your payment is being refunded.' : ''}`
      : `Thank you! We have your order #${order.number} at ${store.name}.`;
  const text = [
    intro,
    '',
    ...lines,
    `Total  ${money(order.totalCents)}`,
    '',
    ...(code ? [`Pickup code: ${code}`] : []),
    `Follow your order: ${track}`,
  ].join('\n');
  const html = `<div style="font-family:system-ui,sans-serif;max-width:32rem;font-size:16px;line-height:1.5">
<p>${escape(intro)}</p>
<table style="width:100%;border-collapse:collapse">${items
    .map(
      (i) =>
        `<tr><td>${i.quantity} × ${escape(i.name)}</td><td style="text-align:right">${money(i.lineTotalCents)}</td></tr>`,
    )
    .join('')}
<tr><td><b>Total</b></td><td style="text-align:right"><b>${money(order.totalCents)}</b></td></tr></table>
${code ? `<p>Pickup code: <b style="font-size:24px;letter-spacing:.15em">${code}</b></p>` : ''}
<p><a href="${escape(track)}">Follow your order</a></p></div>`;
  const subject =
    kind === 'canceled'
      ? `Order #${order.number} canceled`
      : `Your order #${order.number} at ${store.name}`;
  return { subject, text, html };
}

/** The outbox sender for email: rendered at send time, so the pickup code is never stored. */
export function emailSender(transport: MailTransport): OutboxSender {
  return async (message, ctx) => {
    const { order, store } = await messageSubject(ctx, message);
    const email = await renderEmail(ctx, store, order, message.payload.kind as EmailKind);
    const { id } = await transport.send({ to: message.recipient, ...email });
    return { providerId: id };
  };
}
