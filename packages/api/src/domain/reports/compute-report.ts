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

export interface ReportEvent {
  orderId: string;
  seq: number;
  type: string;
  stationId: string | null;
  at: Date;
  payload: Record<string, unknown>;
}

export interface ReportOrder {
  id: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  placedAt: Date | null;
  createdAt: Date;
  subtotalCents: number;
  discountCents: number;
  /** The code the discount came from, if any. */
  discountCode: string | null;
  tipCents: number;
  totalCents: number;
  costCents: number;
}

export interface ReportLine {
  orderId: string;
  name: string;
  quantity: number;
  lineTotalCents: number;
}

export interface ReportMoney {
  orderId: string;
  feeCents: number;
  refundedCents: number;
}

export interface ReportMessage {
  channel: string;
  status: string;
  providerStatus: string | null;
  costMicros: number | null;
}

export interface ReportInput {
  timeZone: string;
  orders: ReportOrder[];
  events: ReportEvent[];
  lines: ReportLine[];
  payments: ReportMoney[];
  messages: ReportMessage[];
  stationNames: Map<string, string>;
}

export interface Spread {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    mean: sorted.length ? Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length) : null,
  };
}

/** Code-point order: the same on every machine and in every locale. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ten items sold most, ties by name. */
export const topTen = <T extends { name: string; quantity: number }>(items: T[]) =>
  [...items].sort((a, b) => b.quantity - a.quantity || byText(a.name, b.name)).slice(0, 10);

/** Discount codes by what they gave away, ties by code. */
export const byCents = <T extends { code: string; cents: number }>(codes: T[]) =>
  [...codes].sort((a, b) => b.cents - a.cents || byText(a.code, b.code));

export const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

interface ItemState {
  stationId: string;
  name: string;
  doneAt: Date | null;
}

/** One order's kitchen story from its events: when it was placed, each item's finish, READY. */
export function replayTicket(events: ReportEvent[]) {
  let placedAt: Date | null = null;
  let readyAt: Date | null = null;
  let dispatchedAt: Date | null = null;
  let completedAt: Date | null = null;
  let canceled = false;
  const items = new Map<string, ItemState>();
  const add = (list: unknown) => {
    for (const i of (list ?? []) as { id: string; stationId: string; name: string }[]) {
      items.set(i.id, { stationId: i.stationId, name: i.name, doneAt: null });
    }
  };
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const ids = (e.payload.itemIds ?? []) as string[];
    switch (e.type) {
      case 'order.placed':
        placedAt = e.at;
        add((e.payload.ticket as { items?: unknown } | undefined)?.items);
        break;
      case 'order.items_added':
        add(e.payload.items);
        break;
      case 'ticket.item_bumped':
        for (const id of ids) {
          const item = items.get(id);
          if (item) item.doneAt = e.at;
        }
        break;
      case 'ticket.bumped':
        for (const item of items.values()) item.doneAt ??= e.at;
        readyAt = e.at;
        break;
      case 'ticket.recalled':
        for (const id of ids.length ? ids : [...items.keys()]) {
          const item = items.get(id);
          if (item) item.doneAt = null;
        }
        readyAt = null;
        break;
      case 'order.canceled':
        canceled = true;
        break;
      case 'order.dispatched':
        dispatchedAt = e.at;
        break;
      case 'order.completed':
        completedAt = e.at;
        break;
    }
  }
  return { placedAt, readyAt, dispatchedAt, completedAt, canceled, items: [...items.values()] };
}

/** Whole seconds, rounded half up; a clock that went back gives 0, never -0. */
const seconds = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000) || 0;

export function computeReport(input: ReportInput) {
  const hourOf = (at: Date) =>
    Number(
      new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        hourCycle: 'h23',
        timeZone: input.timeZone,
      }).format(at),
    );
  const dayOf = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: input.timeZone }).format(at); // YYYY-MM-DD

  const eventsBy = new Map<string, ReportEvent[]>();
  for (const e of input.events) {
    const list = eventsBy.get(e.orderId) ?? [];
    list.push(e);
    eventsBy.set(e.orderId, list);
  }
  const refunds = new Map<string, number>();
  const fees = new Map<string, number>();
  for (const p of input.payments) {
    refunds.set(p.orderId, (refunds.get(p.orderId) ?? 0) + p.refundedCents);
    fees.set(p.orderId, (fees.get(p.orderId) ?? 0) + p.feeCents);
  }

  const placed = input.orders.filter((o) => o.placedAt);
  const sold = placed.filter((o) => o.status !== 'CANCELED');
  const soldIds = new Set(sold.map((o) => o.id));

  // Sales by hour and day: net of refunds, counted when the order reached the kitchen.
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
  const feesCents = input.orders.reduce((s, o) => s + (fees.get(o.id) ?? 0), 0);
  const messageCostCents = Math.round(
    input.messages.reduce((s, m) => s + (m.costMicros ?? 0), 0) / 10_000,
  );

  // Ticket times from the log.
  const stationTimes = new Map<string, number[]>();
  const itemTimes = new Map<string, number[]>();
  const hourTimes = new Map<number, number[]>();
  const readyTimes: number[] = [];
  const toDispatch: number[] = [];
  const onTheRoad: number[] = [];
  for (const o of sold) {
    const story = replayTicket(eventsBy.get(o.id) ?? []);
    if (!story.placedAt || story.canceled) continue;
    if (story.dispatchedAt) {
      if (story.readyAt) toDispatch.push(seconds(story.readyAt, story.dispatchedAt));
      if (story.completedAt) onTheRoad.push(seconds(story.dispatchedAt, story.completedAt));
    }
    const placedAt = story.placedAt;
    const perStation = new Map<string, Date[]>();
    let complete = true;
    for (const item of story.items) {
      if (!item.doneAt) {
        complete = false;
        continue;
      }
      const list = perStation.get(item.stationId) ?? [];
      list.push(item.doneAt);
      perStation.set(item.stationId, list);
      const times = itemTimes.get(item.name) ?? [];
      times.push(seconds(placedAt, item.doneAt));
      itemTimes.set(item.name, times);
    }
    for (const [stationId, dones] of perStation) {
      const allDone = story.items.filter((i) => i.stationId === stationId).every((i) => i.doneAt);
      if (!allDone) continue;
      const last = dones.reduce((a, b) => (a > b ? a : b));
      const name = input.stationNames.get(stationId) ?? stationId;
      const times = stationTimes.get(name) ?? [];
      times.push(seconds(placedAt, last));
      stationTimes.set(name, times);
    }
    if (story.readyAt && complete) {
      const t = seconds(placedAt, story.readyAt);
      readyTimes.push(t);
      const hour = hourOf(placedAt);
      const times = hourTimes.get(hour) ?? [];
      times.push(t);
      hourTimes.set(hour, times);
    }
  }

  const online = input.orders.filter((o) => o.paymentMethod === 'online');
  const channelRate = (channel: string) => {
    const ms = input.messages.filter((m) => m.channel === channel);
    const sent = ms.filter((m) => m.status === 'sent').length;
    const failed = ms.filter((m) => m.status === 'failed').length;
    return { sent, failed, rate: rate(sent, sent + failed) };
  };

  const topItems = new Map<string, { name: string; quantity: number; revenueCents: number }>();
  for (const line of input.lines) {
    if (!soldIds.has(line.orderId)) continue;
    const entry = topItems.get(line.name) ?? { name: line.name, quantity: 0, revenueCents: 0 };
    entry.quantity += line.quantity;
    entry.revenueCents += line.lineTotalCents;
    topItems.set(line.name, entry);
  }

  return {
    orders: placed.length,
    revenueCents,
    byHour,
    byDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    rates: {
      completion: rate(placed.filter((o) => o.status === 'COMPLETED').length, placed.length),
      cancellation: rate(
        input.orders.filter((o) => o.status === 'CANCELED').length,
        input.orders.filter((o) => o.placedAt || o.status === 'CANCELED').length,
      ),
      paymentConversion: rate(online.filter((o) => o.placedAt).length, online.length),
    },
    timeToReady: spread(readyTimes),
    deliveries: { timeToDispatch: spread(toDispatch), timeOnTheRoad: spread(onTheRoad) },
    ticketTimes: {
      byStation: [...stationTimes]
        .map(([station, v]) => ({ station, ...spread(v) }))
        .sort((a, b) => byText(a.station, b.station)),
      byItem: [...itemTimes]
        .map(([item, v]) => ({ item, ...spread(v) }))
        .sort((a, b) => byText(a.item, b.item)),
      byHour: [...hourTimes].sort(([a], [b]) => a - b).map(([hour, v]) => ({ hour, ...spread(v) })),
    },
    topItems: topTen([...topItems.values()]),
    profit: {
      netSalesCents,
      itemCostCents,
      paymentFeesCents: feesCents,
      messageCostCents,
      profitCents: netSalesCents - itemCostCents - feesCents - messageCostCents,
    },
    delivery: { sms: channelRate('sms'), email: channelRate('email'), call: channelRate('call') },
    discounts: discountTotals(sold),
    // Tips of orders that were not canceled: a canceled order's tip went back with its refund.
    tipsCents: sold.reduce((s, o) => s + o.tipCents, 0),
  };
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
