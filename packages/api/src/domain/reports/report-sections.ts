import { byCents, rate, topTen } from './report-stats.ts';
import type { ReportLine, ReportMessage, ReportOrder } from './report-input.ts';
import type { HourOf } from './report-ticket-times.ts';

// The report's sections, each from the rows computeReport hands it.

/** Sales by hour and day: net of refunds, counted when the order reached the kitchen. */
export function salesOf(
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

export function ratesOf(orders: ReportOrder[], placed: ReportOrder[]) {
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

export function channelRate(messages: ReportMessage[], channel: string) {
  const ms = messages.filter((m) => m.channel === channel);
  const sent = ms.filter((m) => m.status === 'sent').length;
  const failed = ms.filter((m) => m.status === 'failed').length;
  return { sent, failed, rate: rate(sent, sent + failed) };
}

export function topItemsOf(lines: ReportLine[], soldIds: Set<string>) {
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
export function discountTotals(sold: ReportOrder[]) {
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
