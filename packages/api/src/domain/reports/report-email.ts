import { stores, type OutboxMessage, type Store } from '@kds/db';
import { formatLocale, translatorFor, type Language } from '@kds/i18n';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { formatMoney } from '../money.ts';
import type { Email, ReportAttachments } from '../notifications/email.ts';
import { escapeHtml } from '../notifications/html.ts';
import { staffLanguageOf } from '../stores/languages.ts';
import { reportForStore } from './load-report.ts';
import { inStore } from '../transaction.ts';

/**
 * A scheduled report, rendered when it is sent: the report page's numbers for its days, and the
 * orders export attached (when the server provides it). In the store's staff language.
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
  const [store] = await inStore(ctx, storeId, ({ db }) =>
    db.select().from(stores).where(eq(stores.id, storeId)),
  );
  if (!store) throw new NotFoundError('store');
  const r = await reportForStore(ctx, storeId, { from, to });
  const words = wordsFor(store, staffLanguageOf(null, store));
  const { t, day } = words;
  const days = from === to ? day(from) : t('report.range', { from: day(from), to: day(to) });
  const facts = reportFacts(r, words);
  const title = t(frequency === 'weekly' ? 'report.week' : 'report.day', {
    store: store.name,
    days,
  });
  const link = `${ctx.config.publicUrl}/admin/reports`;
  return {
    subject: title,
    text: [
      title,
      '',
      ...facts.map(([k, v]) => `${k}: ${v}`),
      '',
      t('report.moreAt', { link }),
    ].join('\n'),
    html: factsHtml(title, facts, link, t('report.more')),
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

type Report = Awaited<ReturnType<typeof reportForStore>>;
type Words = ReturnType<typeof wordsFor>;

/** How the email writes amounts, rates, minutes and days: the store's staff language. */
function wordsFor(store: Store, language: Language) {
  const t = translatorFor(language, 'server');
  const locale = formatLocale(language, store.locale);
  return {
    t,
    count: (n: number) => new Intl.NumberFormat(locale).format(n),
    money: (amount: number) => formatMoney(amount, store.currency, locale),
    percent: (rate: number | null) =>
      rate === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent' }).format(rate),
    minutes: (seconds: number | null) =>
      seconds === null ? '—' : t('report.minutes', { count: Math.round(seconds / 60) }),
    day: (date: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${date}T12:00:00Z`),
      ),
  };
}

/** The report page's headline numbers, as label and value. */
function reportFacts(r: Report, { t, count, money, percent, minutes }: Words): [string, string][] {
  const discounts = { amount: money(r.discounts.cents), count: r.discounts.orders };
  const top = r.topItems.slice(0, 5).map((i) => `${i.name} ×${i.quantity}`);
  return [
    [t('report.orders'), count(r.orders)],
    [t('report.revenue'), money(r.revenueCents)],
    [t('report.profit'), money(r.profit.profitCents)],
    [t('report.canceled'), percent(r.rates.cancellation)],
    [t('report.timeToReady'), `${minutes(r.timeToReady.p50)} / ${minutes(r.timeToReady.p90)}`],
    [t('report.discounts'), t('report.discountsOn', discounts)],
    [t('report.tips'), money(r.tipsCents)],
    [t('report.topItems'), top.join(', ') || '—'],
  ];
}

function factsHtml(title: string, facts: [string, string][], link: string, more: string) {
  const rows = facts
    .map(
      ([k, v]) =>
        `<tr><td>${escapeHtml(k)}</td><td style="text-align:right"><b>${escapeHtml(v)}</b></td></tr>`,
    )
    .join('');
  return `<div style="font-family:system-ui,sans-serif;max-width:36rem;font-size:16px;line-height:1.5">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
<table style="width:100%;border-collapse:collapse">${rows}</table>
<p><a href="${escapeHtml(link)}">${escapeHtml(more)}</a></p></div>`;
}
