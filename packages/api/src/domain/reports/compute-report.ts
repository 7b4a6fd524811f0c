import { byCents, rate, topTen } from './report-stats.ts';
import type { ReportInput, ReportLine, ReportMessage, ReportOrder } from './report-input.ts';
import { ticketTimesOf, type HourOf } from './report-ticket-times.ts';

/**
 * Reports computed from the event log and the order rows, in one pass, as a pure function so a
 * test can recompute every number by hand. Times are in seconds; money in cents.
 *
 * Ticket times replay each order's events: an item is done when bumped (at its station, or by
 * a READY bump) and queued again when recalled, so a recall moves the finish to the last bump.
 * A station's time for an order is from `order.placed` to its last item done; an order's time
 * to ready is from `order.placed` to its last READY. A delivery's time to dispatch is from its
 * last READY to `order.dispatched`, its time on the road from there to `order.completed`.
 * Canceled orders count in the rates, not in
 * ticket times or sales. Percentiles are nearest-rank: the smallest value with at least p% of
 * the values at or below it.
 */

export { percentile, spread, type Spread } from './report-stats.ts';
export { replayTicket } from './report-ticket-times.ts';

export function computeReport(input: ReportInput) {
  const hourOf = (at: Date) =>
    Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: input.timeZone,
      }).format(at),
    );
  const refunds = new Map<string, number>();
  const fees = new Map<string, number>();
  for (const p of input.payments) {
    refunds.set(p.orderId, (refunds.get(p.orderId) ?? 0) + p.refundedCents);
    fees.set(p.orderId, (fees.get(p.orderId) ?? 0) + p.feeCents);
  }
  const placed = input.orders.filter((o) => o.placedAt);
  const sold = placed.filter((o) => o.status !== 'CANCELED');
  const sales = salesOf(sold, refunds, hourOf, input.timeZone);
  const feesCents = input.orders.reduce((s, o) => s + (fees.get(o.id) ?? 0), 0);
  const messageCostCents = Math.round(
    input.messages.reduce((s, m) => s + (m.costMicros ?? 0), 0) / 10_000,
  );
  const { netSalesCents, itemCostCents } = sales;
  return {
    orders: placed.length,
    revenueCents: sales.revenueCents,
    byHour: sales.byHour,
    byDay: sales.byDay,
    rates: ratesOf(input.orders, placed),
    ...ticketTimesOf(input, sold, hourOf),
    topItems: topItemsOf(input.lines, new Set(sold.map((o) => o.id))),
    profit: {
      netSalesCents,
      itemCostCents,
      paymentFeesCents: feesCents,
      messageCostCents,
      profitCents: netSalesCents - itemCostCents - feesCents - messageCostCents,
    },
    delivery: {
      sms: channelRate(input.messages, 'sms'),
      email: channelRate(input.messages, 'email'),
      call: channelRate(input.messages, 'call'),
    },
    discounts: discountTotals(sold),
    // Tips of orders that were not canceled: a canceled order's tip went back with its refund.
    tipsCents: sold.reduce((s, o) => s + o.tipCents, 0),
  };
}

/** Sales by hour and day: net of refunds, counted when the order reached the kitchen. */
function salesOf(
  sold: ReportOrder[],
  refunds: Map<string, number>,
  hourOf: HourOf,
  timeZone: string,
) {
  const dayOf = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at); // YYYY-MM-DD
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, revenueCents: 0 }));
  const byDay = new Map<string, { day: string; orders: number; revenueCents: number }>();
  let revenueCents = 0;
  let netSalesCents = 0;
  let itemCostCents = 0;
  for (const o of sold) {
    const at = o.placedAt as Date;
    const revenue = o.totalCents - (refunds.get(o.id) ?? 0);
    revenueCents += revenue;
    netSalesCents += o.subtotalCents - o.discountCents - (refunds.get(o.id) ?? 0);
    itemCostCents += o.costCents;
    const hour = byHour[hourOf(at)];
    if (hour) {
      hour.orders += 1;
      hour.revenueCents += revenue;
    }
    const day = dayOf(at);
    const entry = byDay.get(day) ?? { day, orders: 0, revenueCents: 0 };
    entry.orders += 1;
    entry.revenueCents += revenue;
    byDay.set(day, entry);
  }
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  return { revenueCents, netSalesCents, itemCostCents, byHour, byDay: days };
}

function ratesOf(orders: ReportOrder[], placed: ReportOrder[]) {
  const online = orders.filter((o) => o.paymentMethod === 'online');
  return {
    completion: rate(placed.filter((o) => o.status === 'COMPLETED').length, placed.length),
    cancellation: rate(
      orders.filter((o) => o.status === 'CANCELED').length,
      orders.filter((o) => o.placedAt || o.status === 'CANCELED').length,
    ),
    paymentConversion: rate(online.filter((o) => o.placedAt).length, online.length),
  };
}

function channelRate(messages: ReportMessage[], channel: string) {
  const ms = messages.filter((m) => m.channel === channel);
  const sent = ms.filter((m) => m.status === 'sent').length;
  const failed = ms.filter((m) => m.status === 'failed').length;
  return { sent, failed, rate: rate(sent, sent + failed) };
}

function topItemsOf(lines: ReportLine[], soldIds: Set<string>) {
  const topItems = new Map<string, { name: string; quantity: number; revenueCents: number }>();
  for (const line of lines) {
    if (!soldIds.has(line.orderId)) continue;
    const entry = topItems.get(line.name) ?? { name: line.name, quantity: 0, revenueCents: 0 };
    entry.quantity += line.quantity;
    entry.revenueCents += line.lineTotalCents;
    topItems.set(line.name, entry);
  }
  return topTen([...topItems.values()]);
}

/** What discounts gave away on orders that were not canceled, in all and per code. */
function discountTotals(sold: ReportOrder[]) {
  const byCode = new Map<string, { code: string; orders: number; cents: number }>();
  let cents = 0;
  let count = 0;
  for (const o of sold) {
    if (o.discountCents === 0) continue;
    cents += o.discountCents;
    count += 1;
    const code = o.discountCode ?? 'removed code';
    const entry = byCode.get(code) ?? { code, orders: 0, cents: 0 };
    entry.orders += 1;
    entry.cents += o.discountCents;
    byCode.set(code, entry);
  }
  return {
    cents,
    orders: count,
    byCode: byCents([...byCode.values()]),
  };
}
