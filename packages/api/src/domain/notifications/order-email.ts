import { orderItems, type Order, type OrderItem, type Store } from '@kds/db';
import { formatLocale, translatorFor } from '@kds/i18n';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { formatMoney } from '../money.ts';
import type { Email, EmailKind } from './email.ts';
import { escapeHtml } from './html.ts';
import { guestLanguageOf, staffLanguageOf } from '../stores/languages.ts';

import { partsFor } from './email-parts.ts';

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
