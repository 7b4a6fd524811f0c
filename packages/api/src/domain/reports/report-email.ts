import { stores, type OutboxMessage } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { formatCents } from '../money.ts';
import type { Email, ReportAttachments } from '../notifications/email.ts';
import { escapeHtml } from '../notifications/html.ts';
import { reportForStore } from './load-report.ts';

const minutes = (seconds: number | null) =>
  seconds === null ? '—' : `${Math.round(seconds / 60)} min`;
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/**
 * A scheduled report, rendered when it is sent: the report page's numbers for its days, and the
 * orders export attached (when the server provides it).
 */
export async function scheduledReportEmail(
  ctx: DomainContext,
  message: OutboxMessage,
  attachments?: ReportAttachments,
): Promise<Omit<Email, 'to'>> {
  const { from, to, frequency } = message.payload as {
    from: string;
    to: string;
    frequency: string;
  };
  const storeId = message.storeId ?? '';
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, storeId));
  if (!store) throw new NotFoundError('store');
  const r = await reportForStore(ctx, storeId, { from, to });
  const money = (cents: number) => formatCents(cents, store.currency);
  const days = from === to ? from : `${from} to ${to}`;
  const facts: [string, string][] = [
    ['Orders', String(r.orders)],
    ['Revenue', money(r.revenueCents)],
    ['Profit', money(r.profit.profitCents)],
    ['Canceled', percent(r.rates.cancellation)],
    [
      'Time to ready (median / 90%)',
      `${minutes(r.timeToReady.p50)} / ${minutes(r.timeToReady.p90)}`,
    ],
    ['Discounts', `${money(r.discounts.cents)} on ${r.discounts.orders} orders`],
    ['Tips', money(r.tipsCents)],
    [
      'Top items',
      r.topItems
        .slice(0, 5)
        .map((i) => `${i.name} ×${i.quantity}`)
        .join(', ') || '—',
    ],
  ];
  const title = `${store.name}: ${frequency === 'weekly' ? 'the week' : 'the day'} ${days}`;
  const link = `${ctx.config.publicUrl}/admin/reports`;
  return {
    subject: title,
    text: [title, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `Charts and more: ${link}`].join(
      '\n',
    ),
    html: `<div style="font-family:system-ui,sans-serif;max-width:36rem;font-size:16px;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
<table style="width:100%;border-collapse:collapse">${facts
      .map(
        ([k, v]) =>
          `<tr><td>${escapeHtml(k)}</td><td style="text-align:right"><b>${escapeHtml(v)}</b></td></tr>`,
      )
      .join('')}</table>
<p><a href="${escapeHtml(link)}">Charts and more</a></p></div>`,
    attachments: attachments
      ? [
          {
            filename: `orders-${from}-${to}.csv`,
            content: await attachments.ordersCsv(ctx, storeId, from, to),
            contentType: 'text/csv; charset=utf-8',
          },
        ]
      : [],
  };
}
