import { orderItems, type Order, type OrderItem, type Store } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { formatCents } from '../money.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';
import type { Email, EmailKind } from './email.ts';
import { escapeHtml } from './html.ts';
import { paymentTerms } from './payment-terms.ts';

interface EmailParts {
  subject: string;
  intro: string;
  /** The one thing to do, as a big link. */
  action?: { label: string; url: string };
  code?: string | null;
  /** Extra lines under the receipt (staff: customer and fulfilment). */
  facts?: string[];
}

async function partsFor(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: EmailKind,
): Promise<EmailParts> {
  const track = {
    label: 'Follow your order',
    url: `${ctx.config.publicUrl}/track/${order.trackingToken}`,
  };
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Your order #${order.number} at ${store.name}`,
        intro: `Thank you! We have your order #${order.number} at ${store.name}.`,
        action: track,
        code:
          order.fulfilment === 'pickup' ? pickupCodeFor(ctx.config.pickupPepper, order.id) : null,
      };
    case 'canceled':
      return {
        subject: `Order #${order.number} canceled`,
        intro: `Your order #${order.number} at ${store.name} was canceled.${order.paymentStatus === 'paid' || order.paymentStatus.includes('refund') ? ' Your payment is being refunded; it can take a few days to show.' : ''}`,
        action: track,
      };
    case 'payment_link': {
      // The tracker, not the provider's checkout page: it outlives a checkout session and
      // opens a fresh one when the old one has lapsed.
      const terms = await paymentTerms(ctx, store, order);
      const ready = terms.readyAt
        ? ` It will be ready at ${terms.readyAt}.`
        : terms.wait
          ? ` It will be ready about ${terms.wait} minutes after you pay.`
          : '';
      return {
        subject: `Pay for your order #${order.number} at ${store.name}`,
        intro: `Here is the link to pay for your order #${order.number} at ${store.name}. The kitchen starts as soon as it is paid.${ready}`,
        action: { label: 'Pay now', url: track.url },
        facts: terms.payBy ? [`The link works until ${terms.payBy}.`] : [],
      };
    }
    case 'staff_order':
      return {
        subject: `New order #${order.number} (${order.fulfilment.replace('_', '-')})`,
        intro: `New paid order #${order.number} at ${store.name}.`,
        action: {
          label: 'Open the order',
          url: `${ctx.config.publicUrl}/admin/orders/${order.id}`,
        },
        facts: [
          `Customer: ${order.customerName || 'not given'}${order.customerPhone ? `, ${order.customerPhone}` : ''}`,
          ...(order.tableLabel ? [`Table: ${order.tableLabel}`] : []),
          ...(order.notes ? [`Notes: ${order.notes}`] : []),
        ],
      };
  }
}

/** Plain text and simple HTML, one column, large type: reads well on a phone. */
export async function renderEmail(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: EmailKind,
): Promise<Omit<Email, 'to'>> {
  const items: OrderItem[] = await ctx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  const parts = await partsFor(ctx, store, order, kind);
  const money = (cents: number) => formatCents(cents, store.currency);
  const text = [
    parts.intro,
    '',
    ...items.map((i) => `${i.quantity} x ${i.name}  ${money(i.lineTotalCents)}`),
    `Total  ${money(order.totalCents)}`,
    ...(parts.facts?.length ? ['', ...parts.facts] : []),
    '',
    ...(parts.code ? [`Pickup code: ${parts.code}`] : []),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`] : []),
  ].join('\n');
  const html = `<div style="font-family:system-ui,sans-serif;max-width:32rem;font-size:16px;line-height:1.5">
<p>${escapeHtml(parts.intro)}</p>
<table style="width:100%;border-collapse:collapse">${items
    .map(
      (i) =>
        `<tr><td>${i.quantity} × ${escapeHtml(i.name)}</td><td style="text-align:right">${money(i.lineTotalCents)}</td></tr>`,
    )
    .join('')}
<tr><td><b>Total</b></td><td style="text-align:right"><b>${money(order.totalCents)}</b></td></tr></table>
${(parts.facts ?? []).map((f) => `<p style="margin:4px 0">${escapeHtml(f)}</p>`).join('')}
${parts.code ? `<p>Pickup code: <b style="font-size:24px;letter-spacing:.15em">${parts.code}</b></p>` : ''}
${parts.action ? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:12px 20px;background:#111;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>` : ''}</div>`;
  return { subject: parts.subject, text, html };
}
