import { randomUUID } from 'node:crypto';
import {
  discountCodes,
  orderEvents,
  orderItems,
  orders,
  outbox,
  payments,
  stations,
  stores,
  type Database,
} from '@kds/db';
import { seededRandom } from '@kds/db/testing/seeded-random';
import { and, between, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHarness, createOtherStore, type Harness } from '../../test/fixtures.ts';
import { computeReport } from './compute-report.ts';
import { reportForStore } from './load-report.ts';
import { keepPendingTicketTimes, keepTicketTimes } from './ticket-times.ts';

// The report is aggregated in SQL; `computeReport` is the reference it must equal, number for
// number, on a history as untidy as a real one. REPORT_SEED=n replays a failing history.
const SEED = Number(process.env.REPORT_SEED ?? Date.now() % 100_000);
const FROM = '2026-03-06';
const TO = '2026-03-10'; // New York springs forward on 8 March.

let h: Harness;
let random: () => number;

beforeAll(async () => {
  h = await createHarness();
  random = seededRandom(SEED);
});
afterAll(() => h.close());

test(`a generated history with recalls, added items, cancellations and refunds gives the in-memory report's numbers (REPORT_SEED=${SEED})`, async () => {
  const other = await createOtherStore(h.db, 'report-other');
  const demo = await storeOf(h.demo.storeId);
  await generateHistory(h.db, demo, 160);
  await generateHistory(h.db, await storeOf(other.storeId), 20); // must not leak in

  const sameAsReference = async () => {
    for (const range of [
      { from: FROM, to: TO },
      { from: '2026-03-08', to: '2026-03-08' },
      { from: '2026-04-01', to: '2026-04-02' }, // nothing in it
    ]) {
      const sql = await reportForStore(h.ctx(null), demo.id, range);
      const reference = await referenceReport(h.db, demo, range);
      expect(sql).toEqual(reference);
    }
  };
  // Every order replayed; then some handed-over orders' ticket times kept and the rest
  // replayed; then all of them kept.
  await sameAsReference();
  const completed = await h.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.storeId, demo.id), eq(orders.status, 'COMPLETED')));
  const some = completed.filter(() => random() < 0.5).map((o) => o.id);
  expect(await keepTicketTimes(h.db, demo.id, { orderIds: some })).toBe(some.length);
  await sameAsReference();
  await keepPendingTicketTimes(h.db); // every store's
  const pending = and(eq(orders.status, 'COMPLETED'), eq(orders.ticketTimesKept, false));
  expect(await h.db.$count(orders, pending)).toBe(0);
  await sameAsReference();
  const full = await reportForStore(h.ctx(null), demo.id, { from: FROM, to: TO });
  // The history is what it claims to be: every kind of measure has data.
  expect(full.timeToReady.count).toBeGreaterThan(20);
  expect(full.deliveries.timeOnTheRoad.count).toBeGreaterThan(0);
  expect(full.ticketTimes.byStation.length).toBeGreaterThan(1);
  expect(full.discounts.byCode.map((c) => c.code)).toContain('removed code');
  expect(full.profit.paymentFeesCents).toBeGreaterThan(0);
});

interface StoreInfo {
  id: string;
  timezone: string;
  currency: string;
  stationIds: string[];
  codeIds: string[];
}

async function storeOf(storeId: string): Promise<StoreInfo> {
  const [store] = await h.db.select().from(stores).where(eq(stores.id, storeId));
  const rows = await h.db.select().from(stations).where(eq(stations.storeId, storeId));
  const codes = await h.db
    .insert(discountCodes)
    .values(
      ['SPRING', 'STAFF', 'LOYAL'].map((code) => ({
        storeId,
        code: `${code}-${randomUUID().slice(0, 4)}`,
        kind: 'amount' as const,
        value: 100,
      })),
    )
    .returning();
  return {
    id: storeId,
    timezone: store?.timezone ?? 'UTC',
    currency: store?.currency ?? 'USD',
    stationIds: rows.map((s) => s.id),
    codeIds: codes.map((c) => c.id),
  };
}

const NAMES = ['Burger', 'Fries', 'Shake', 'Salad', 'Wrap'];
const STATUSES = ['PLACED', 'PREPARING', 'READY', 'OUT_FOR_DELIVERY', 'COMPLETED'] as const;

/**
 * Orders over five days around a clock change, each with a kitchen story told in events that
 * interleave with the other orders' (seq order is not order by order): placed, items added
 * later, items bumped (some twice), recalls of some items or of all, READY bumps before and
 * after recalls, dispatch and delivery, a cancel event now and then; rows unpaid or canceled;
 * refunds, card fees and messages. Clocks are not monotonic in seq, as across instances.
 */
async function generateHistory(db: Database, store: StoreInfo, count: number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const start = Date.parse(`${FROM}T00:00:00-05:00`) - 3 * 3600_000;
  const span = Date.parse(`${TO}T23:59:59-04:00`) - start + 6 * 3600_000;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone });
  const pending: StoryEvent[][] = [];

  for (let n = 0; n < count; n++) {
    const orderId = randomUUID();
    const createdAt = start + Math.floor(random() * span);
    const placed = !chance(0.1);
    const canceled = chance(0.12);
    const subtotal = 500 + Math.floor(random() * 5000);
    const discount = chance(0.3) ? 100 + Math.floor(random() * 300) : 0;
    const tip = chance(0.5) ? Math.floor(random() * 400) : 0;
    await db.insert(orders).values({
      id: orderId,
      storeId: store.id,
      number: n + 1,
      businessDate: day.format(createdAt),
      trackingToken: randomUUID(),
      status: canceled ? 'CANCELED' : placed ? pick(STATUSES) : 'PENDING_PAYMENT',
      paymentStatus: 'paid',
      paymentMethod: chance(0.5) ? 'online' : 'counter',
      fulfilment: chance(0.3) ? 'delivery' : 'pickup',
      customerName: 'Guest',
      subtotalCents: subtotal,
      discountCents: discount,
      discountCodeId: discount > 0 && chance(0.8) ? pick(store.codeIds) : null,
      tipCents: tip,
      totalCents: subtotal - discount + tip,
      costCents: Math.floor(subtotal / 3),
      idempotencyKey: randomUUID(),
      requestHash: 'report-test',
      createdAt: new Date(createdAt),
      placedAt: placed ? new Date(createdAt + 1000) : null,
    });
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      id: randomUUID(),
      stationId: pick(store.stationIds),
      name: pick(NAMES),
    }));
    await db.insert(orderItems).values(
      items.map((item, position) => ({
        id: item.id,
        orderId,
        storeId: store.id,
        menuItemId: null,
        stationId: item.stationId,
        position,
        name: item.name,
        quantity: 1 + Math.floor(random() * 3),
        unitPriceCents: 450,
        unitCostCents: 150,
        lineTotalCents: 450 + Math.floor(random() * 900),
      })),
    );
    if (chance(0.4)) {
      const amount = subtotal - discount + tip;
      await db.insert(payments).values({
        storeId: store.id,
        orderId,
        provider: 'stripe',
        providerRef: `cs_${orderId}`,
        status: 'paid',
        amountCents: amount,
        currency: 'USD',
        feeCents: chance(0.8) ? 30 + Math.floor(random() * 100) : null,
        refundedCents: chance(0.3) ? Math.floor(random() * amount) : 0,
      });
    }
    for (const channel of ['sms', 'email', 'call'] as const) {
      if (!chance(0.3)) continue;
      await db.insert(outbox).values({
        storeId: store.id,
        orderId,
        channel,
        dedupeKey: `report-${orderId}-${channel}`,
        recipient: '+15550000000',
        template: 'ready',
        payload: {},
        status: pick(['sent', 'failed', 'pending'] as const),
        costMicros: chance(0.7) ? Math.floor(random() * 40_000) : null,
      });
    }
    if (placed) pending.push(story(orderId, createdAt + 1000, items, store, pick, chance));
  }
  await appendInterleaved(db, store.id, pending, pick);
}

interface StoryEvent {
  orderId: string;
  at: number;
  type: string;
  payload: object;
}

/** One order's events, in the order they happen; times drift back now and then. */
function story(
  orderId: string,
  placedAt: number,
  items: { id: string; stationId: string; name: string }[],
  store: StoreInfo,
  pick: <T>(list: readonly T[]) => T,
  chance: (p: number) => boolean,
) {
  let at = placedAt;
  const known = [...items];
  const later = (ms = 0) =>
    (at += chance(0.1) ? -2_000 : ms || 500 + Math.floor(random() * 200_000));
  const events: StoryEvent[] = [
    { orderId, at, type: 'order.placed', payload: { ticket: { items } } },
  ];
  const steps = 1 + Math.floor(random() * 7);
  for (let s = 0; s < steps; s++) {
    const roll = random();
    const some = known.filter(() => chance(0.5)).map((i) => i.id);
    if (roll < 0.15) {
      const added = { id: randomUUID(), stationId: pick(store.stationIds), name: pick(NAMES) };
      known.push(added);
      events.push({ orderId, at: later(), type: 'order.items_added', payload: { items: [added] } });
    } else if (roll < 0.5) {
      events.push({ orderId, at: later(), type: 'ticket.item_bumped', payload: { itemIds: some } });
    } else if (roll < 0.75) {
      events.push({ orderId, at: later(), type: 'ticket.bumped', payload: {} });
    } else if (roll < 0.9) {
      const payload = chance(0.5) ? { itemIds: some } : {};
      events.push({ orderId, at: later(), type: 'ticket.recalled', payload });
    } else {
      events.push({ orderId, at: later(1500), type: 'ticket.bumped', payload: {} });
    }
  }
  if (chance(0.3)) events.push({ orderId, at: later(), type: 'order.dispatched', payload: {} });
  if (chance(0.4)) events.push({ orderId, at: later(), type: 'order.completed', payload: {} });
  if (chance(0.05)) events.push({ orderId, at: later(), type: 'order.canceled', payload: {} });
  return events;
}

/** Appends every story's events with store seqs, taking the next event of a random story. */
async function appendInterleaved(
  db: Database,
  storeId: string,
  stories: StoryEvent[][],
  pick: <T>(list: readonly T[]) => T,
) {
  const [row] = await db.select().from(stores).where(eq(stores.id, storeId));
  let seq = row?.eventSeq ?? 0;
  const rows: (typeof orderEvents.$inferInsert)[] = [];
  const open = stories.filter((s) => s.length > 0);
  while (open.length > 0) {
    const next = pick(open);
    const event = next.shift();
    if (next.length === 0) open.splice(open.indexOf(next), 1);
    if (!event) continue;
    rows.push({
      storeId,
      seq: ++seq,
      type: event.type,
      orderId: event.orderId,
      actorKind: 'system',
      payload: event.payload as Record<string, unknown>,
      createdAt: new Date(event.at),
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(orderEvents).values(rows.slice(i, i + 500));
  await db.update(stores).set({ eventSeq: seq }).where(eq(stores.id, storeId));
}

/** Every row of the range in memory, through the pure function: what reports did before. */
async function referenceReport(
  db: Database,
  store: StoreInfo,
  range: { from: string; to: string },
) {
  const orderRows = await db
    .select({
      id: orders.id,
      status: orders.status,
      paymentMethod: orders.paymentMethod,
      paymentStatus: orders.paymentStatus,
      placedAt: orders.placedAt,
      createdAt: orders.createdAt,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      discountCode: discountCodes.code,
      tipCents: orders.tipCents,
      totalCents: orders.totalCents,
      costCents: orders.costCents,
    })
    .from(orders)
    .leftJoin(discountCodes, eq(discountCodes.id, orders.discountCodeId))
    .where(and(eq(orders.storeId, store.id), between(orders.businessDate, range.from, range.to)));
  const ids = orderRows.length > 0 ? orderRows.map((o) => o.id) : [randomUUID()];
  const events = await db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.storeId, store.id), inArray(orderEvents.orderId, ids)));
  const stationRows = await db.select().from(stations).where(eq(stations.storeId, store.id));
  const report = computeReport({
    timeZone: store.timezone,
    orders: orderRows,
    events: events.map((e) => ({
      orderId: e.orderId ?? '',
      seq: e.seq,
      type: e.type,
      stationId: e.stationId,
      at: e.createdAt,
      payload: e.payload,
    })),
    lines: await db
      .select({
        orderId: orderItems.orderId,
        name: orderItems.name,
        quantity: orderItems.quantity,
        lineTotalCents: orderItems.lineTotalCents,
      })
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids)),
    payments: (
      await db
        .select({
          orderId: payments.orderId,
          feeCents: payments.feeCents,
          refundedCents: payments.refundedCents,
        })
        .from(payments)
        .where(inArray(payments.orderId, ids))
    ).map((p) => ({ ...p, feeCents: p.feeCents ?? 0 })),
    messages: await db
      .select({
        channel: outbox.channel,
        status: outbox.status,
        providerStatus: outbox.providerStatus,
        costMicros: outbox.costMicros,
      })
      .from(outbox)
      .where(inArray(outbox.orderId, ids)),
    stationNames: new Map(stationRows.map((s) => [s.id, s.name])),
  });
  return { ...report, ...range, currency: store.currency, timeZone: store.timezone };
}
