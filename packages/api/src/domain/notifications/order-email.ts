import { orderItems, type Order, type OrderItem, type Store } from '@kds/db';
import { formatLocale, translatorFor, type Language } from '@kds/i18n';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { formatMoney } from '../money.ts';
import { pickupCodeFor } from '../orders/pickup-code.ts';
import type { Email, EmailKind } from './email.ts';
import { escapeHtml } from './html.ts';
import { paymentTerms } from './payment-terms.ts';
import { guestLanguageOf, staffLanguageOf } from '../stores/languages.ts';

interface EmailParts {
  subject: string;
  intro: string;
  /** The one thing to do, as a big link. */
  action?: { label: string; url: string };
  code?: string | null;
  /** Extra lines under the receipt (staff: customer and fulfilment). */
  facts?: string[];
}

type Translate = ReturnType<typeof translatorFor<'server'>>;

async function partsFor(
  ctx: DomainContext,
  store: Store,
  order: Order,
  kind: EmailKind,
  language: Language,
): Promise<EmailParts> {
  const t = translatorFor(language, 'server');
  const about = { number: order.number, store: store.name };
  const track = {
    label: t('email.follow'),
    url: `${ctx.config.publicUrl}/track/${order.trackingToken}`,
  };
  switch (kind) {
    case 'confirmation':
      return {
        subject: t('email.confirmationSubject', about),
        intro: t('email.confirmationIntro', about),
        action: track,
        code:
          order.fulfilment === 'pickup' ? pickupCodeFor(ctx.config.pickupPepper, order.id) : null,
      };
    case 'canceled': {
      const refunding = order.paymentStatus === 'paid' || order.paymentStatus.includes('refund');
      const intro = t('email.canceledIntro', about);
      return {
        subject: t('email.canceledSubject', about),
        intro: refunding ? `${intro} ${t('email.refunding')}` : intro,
        action: track,
      };
    }
    case 'payment_link':
      return paymentLinkParts(ctx, store, order, language, { t, about, url: track.url });
    case 'staff_order':
      return staffOrderParts(ctx, store, order, t);
  }
}

/**
 * The tracker, not the provider's checkout page: it outlives a checkout session and opens a
 * fresh one when the old one has lapsed.
 */
async function paymentLinkParts(
  ctx: DomainContext,
  store: Store,
  order: Order,
  language: Language,
  { t, about, url }: { t: Translate; about: { number: number; store: string }; url: string },
): Promise<EmailParts> {
  const terms = await paymentTerms(ctx, store, order, language);
  const ready = terms.readyAt
    ? t('email.readyAt', { time: terms.readyAt })
    : terms.wait
      ? t('email.readyAfter', { minutes: terms.wait })
      : '';
  return {
    subject: t('email.paymentLinkSubject', about),
    intro: [t('email.paymentLinkIntro', about), ready].filter(Boolean).join(' '),
    action: { label: t('email.payNow'), url },
    facts: terms.payBy ? [t('email.linkUntil', { time: terms.payBy })] : [],
  };
}

/** For the store's own people: who ordered, where, and a link to the order in the console. */
function staffOrderParts(ctx: DomainContext, store: Store, order: Order, t: Translate): EmailParts {
  const name = order.customerName || t('email.notGiven');
  const facts = [
    order.customerPhone
      ? t('email.customerWithPhone', { name, phone: order.customerPhone })
      : t('email.customer', { name }),
  ];
  if (order.tableLabel) facts.push(t('email.table', { table: order.tableLabel }));
  if (order.notes) facts.push(t('email.notes', { notes: order.notes }));
  return {
    subject: t('email.staffOrderSubject', {
      number: order.number,
      kind: t(`email.fulfilment.${order.fulfilment}`),
    }),
    intro: t('email.staffOrderIntro', { number: order.number, store: store.name }),
    action: {
      label: t('email.openOrder'),
      url: `${ctx.config.publicUrl}/admin/orders/${order.id}`,
    },
    facts,
  };
}

/**
 * Plain text and simple HTML, one column, large type: reads well on a phone. Guests read it
 * in the language they ordered in; staff in the store's kitchen language.
 */
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
  const language =
    kind === 'staff_order' ? staffLanguageOf(null, store) : guestLanguageOf(store, order);
  const t = translatorFor(language, 'server');
  const parts = await partsFor(ctx, store, order, kind, language);
  const locale = formatLocale(language, store.locale);
  const money = (amount: number) => formatMoney(amount, store.currency, locale);
  const text = [
    parts.intro,
    '',
    ...items.map((i) => `${i.quantity} x ${i.name}  ${money(i.lineTotalCents)}`),
    `${t('email.total')}  ${money(order.totalCents)}`,
    ...(parts.facts?.length ? ['', ...parts.facts] : []),
    '',
    ...(parts.code ? [t('email.pickupCode', { code: parts.code })] : []),
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
<tr><td><b>${escapeHtml(t('email.total'))}</b></td><td style="text-align:right"><b>${money(order.totalCents)}</b></td></tr></table>
${(parts.facts ?? []).map((f) => `<p style="margin:4px 0">${escapeHtml(f)}</p>`).join('')}
${parts.code ? `<p>${escapeHtml(t('email.pickupCodeLabel'))} <b style="font-size:24px;letter-spacing:.15em">${parts.code}</b></p>` : ''}
${parts.action ? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:12px 20px;background:#111;color:#fff;border-radius:8px;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>` : ''}</div>`;
  return { subject: parts.subject, text, html };
}
