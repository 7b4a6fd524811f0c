import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { computeReport } from './compute-report.ts';
import { byCents, byText, rate, topTen, type Spread } from './report-stats.ts';
import { forReports } from './read-replica.ts';
import { reportAggregates, type ReportAggregates } from './report-sql.ts';
import { inStore } from '../transaction.ts';

export const ReportInput = z.object({
  /** Store-local business dates, inclusive. */
  from: z.iso.date(),
  to: z.iso.date(),
});
export type ReportInput = z.infer<typeof ReportInput>;

const MAX_DAYS = 366;

/** The report for the manager's store and a range of business days. */
export async function storeReport({ ctx, input }: { ctx: DomainContext; input: ReportInput }) {
  const { storeId } = requireManager(ctx);
  return reportForStore(ctx, storeId, input);
}

/** The report of one store, for its manager or for a scheduled email. */
export async function reportForStore(ctx: DomainContext, storeId: string, input: ReportInput) {
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 + 1;
  if (days < 1 || days > MAX_DAYS)
    throw new ValidationError({ key: 'admin.reportDays', values: { max: MAX_DAYS } });
  const source = await forReports(ctx);
  const [store] = await inStore(source, storeId, ({ db }) =>
    db.select().from(stores).where(eq(stores.id, storeId)),
  );
  if (!store) throw new NotFoundError('store');

  const report = fromAggregates(
    await reportAggregates(source, { storeId, ...input, timeZone: store.timezone }),
  );
  return {
    ...report,
    from: input.from,
    to: input.to,
    currency: store.currency,
    timeZone: store.timezone,
  };
}

type Report = ReturnType<typeof computeReport>;
type Kind = ReportAggregates['spreads'][number]['kind'];
const EMPTY: Spread = { count: 0, p50: null, p90: null, mean: null };

/** The report's shape from the database's aggregates: what `computeReport` gives in memory. */
function fromAggregates(agg: ReportAggregates): Report {
  const spreadsOf = (kind: Kind) =>
    agg.spreads
      .filter((s) => s.kind === kind)
      .map(({ key, count, p50, p90, mean }) => ({ key: key ?? '', count, p50, p90, mean }));
  const one = (kind: Kind): Spread => {
    const [s] = spreadsOf(kind);
    return s ? { count: s.count, p50: s.p50, p90: s.p90, mean: s.mean } : EMPTY;
  };
  const channel = (name: string) => {
    const m = agg.messages.find((c) => c.channel === name) ?? { sent: 0, failed: 0 };
    return { sent: m.sent, failed: m.failed, rate: rate(m.sent, m.sent + m.failed) };
  };
  const messageCostCents = Math.round(
    agg.messages.reduce((sum, m) => sum + m.costMicros, 0) / 10_000,
  );
  const { counts, sold } = agg;
  return {
    orders: counts.orders,
    revenueCents: sold.revenueCents,
    ...salesByHourAndDay(agg.sales),
    rates: {
      completion: rate(counts.completed, counts.orders),
      cancellation: rate(counts.canceled, counts.placedOrCanceled),
      paymentConversion: rate(counts.onlinePlaced, counts.online),
    },
    timeToReady: one('ready'),
    deliveries: { timeToDispatch: one('dispatch'), timeOnTheRoad: one('road') },
    ticketTimes: {
      byStation: spreadsOf('station')
        .map(({ key, ...s }) => ({ station: key, ...s }))
        .sort((a, b) => byText(a.station, b.station)),
      byItem: spreadsOf('item')
        .map(({ key, ...s }) => ({ item: key, ...s }))
        .sort((a, b) => byText(a.item, b.item)),
      byHour: spreadsOf('hour')
        .map(({ key, ...s }) => ({ hour: Number(key), ...s }))
        .sort((a, b) => a.hour - b.hour),
    },
    topItems: topTen(agg.items),
    profit: {
      netSalesCents: sold.netSalesCents,
      itemCostCents: sold.itemCostCents,
      paymentFeesCents: agg.feesCents,
      messageCostCents,
      profitCents: sold.netSalesCents - sold.itemCostCents - agg.feesCents - messageCostCents,
    },
    delivery: { sms: channel('sms'), email: channel('email'), call: channel('call') },
    discounts: {
      cents: sold.discountCents,
      orders: sold.discountOrders,
      byCode: byCents(agg.byCode),
    },
    tipsCents: sold.tipsCents,
  };
}

/** Sales per hour (all 24) and per day (days with sales, in order) from per day-and-hour sums. */
function salesByHourAndDay(sales: ReportAggregates['sales']) {
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, revenueCents: 0 }));
  const byDay = new Map<string, { day: string; orders: number; revenueCents: number }>();
  for (const { day, hour, orders, revenueCents } of sales) {
    const h = byHour[hour];
    if (h) {
      h.orders += orders;
      h.revenueCents += revenueCents;
    }
    const d = byDay.get(day) ?? { day, orders: 0, revenueCents: 0 };
    d.orders += orders;
    d.revenueCents += revenueCents;
    byDay.set(day, d);
  }
  return { byHour, byDay: [...byDay.values()].sort((a, b) => byText(a.day, b.day)) };
}
