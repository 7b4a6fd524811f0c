import type { ReportInput } from './report-input.ts';
import { ticketTimesOf } from './report-ticket-times.ts';
import { channelRate, discountTotals, ratesOf, salesOf, topItemsOf } from './report-sections.ts';

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
export { replayTicket } from './replay-ticket.ts';

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
