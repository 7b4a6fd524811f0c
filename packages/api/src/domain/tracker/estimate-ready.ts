import { orders, type Order, type Queryable, type Store } from '@kds/db';
import { and, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

/** Below this many recent samples, the store's default prep time is the better guess. */
const MIN_SAMPLES = 5;
/** The kitchen works on about this many tickets at once before a queue adds time. */
const PARALLEL_TICKETS = 4;
const PER_QUEUED_TICKET_MS = 60_000;

export interface EstimateInput {
  placedAt: Date;
  fireAt: Date | null;
  now: Date;
  /** Median placed-to-ready of recent orders, or the default prep time. */
  typicalMs: number;
  /** Open tickets placed before this one. */
  ahead: number;
  /** Minutes the kitchen adds to every quote at peak (pacing). */
  extraMinutes?: number;
}

/**
 * When the order should be ready: its typical preparation time from when it was placed, plus
 * a minute per ticket queued ahead beyond what the kitchen handles at once, plus the minutes the
 * kitchen has added to its quotes; never before its
 * scheduled time, and never in the past while it is still being made.
 */
export function estimateReadyAt(input: EstimateInput): Date {
  const queueMs = Math.max(0, input.ahead - PARALLEL_TICKETS) * PER_QUEUED_TICKET_MS;
  const quotedMs = (input.extraMinutes ?? 0) * 60_000;
  const byQueue = input.placedAt.getTime() + input.typicalMs + queueMs + quotedMs;
  const bySchedule = input.fireAt?.getTime() ?? 0;
  return new Date(Math.max(byQueue, bySchedule, input.now.getTime() + 60_000));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median placed-to-ready of the store's recent orders, or its default prep time. */
export async function typicalPrepMs(db: Queryable, store: Store, now: Date): Promise<number> {
  const recent = await db
    .select({ placedAt: orders.placedAt, readyAt: orders.readyAt })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, store.id),
        isNotNull(orders.readyAt),
        gte(orders.readyAt, new Date(now.getTime() - 14 * 24 * 3600_000)),
      ),
    )
    .orderBy(desc(orders.readyAt))
    .limit(50);
  const samples = recent.flatMap((o) =>
    o.placedAt && o.readyAt ? [o.readyAt.getTime() - o.placedAt.getTime()] : [],
  );
  return (
    (samples.length >= MIN_SAMPLES ? median(samples) : null) ??
    store.settings.defaultPrepMinutes * 60_000
  );
}

/** Open tickets in the kitchen, or those placed before `before`. */
export function openTickets(db: Queryable, storeId: string, before?: Date): Promise<number> {
  return db.$count(
    orders,
    and(
      eq(orders.storeId, storeId),
      inArray(orders.status, ['PLACED', 'PREPARING']),
      before ? lt(orders.placedAt, before) : undefined,
    ),
  );
}

/**
 * Minutes until an ASAP order placed now would be ready: the same estimate a guest then sees
 * on the tracker, including the minutes the kitchen has added to its quotes.
 */
export async function asapReadyInMinutes(db: Queryable, store: Store, now: Date): Promise<number> {
  const [typicalMs, ahead] = await Promise.all([
    typicalPrepMs(db, store, now),
    openTickets(db, store.id),
  ]);
  const at = estimateReadyAt({
    placedAt: now,
    fireAt: null,
    now,
    typicalMs,
    ahead,
    extraMinutes: store.pacing.extraMinutes,
  });
  return Math.ceil((at.getTime() - now.getTime()) / 60_000);
}

/** The estimate for an order still in the kitchen, from the store's own recent history. */
export async function estimateFor(
  ctx: DomainContext,
  store: Store,
  order: Order,
): Promise<Date | null> {
  if ((order.status !== 'PLACED' && order.status !== 'PREPARING') || !order.placedAt) return null;
  const now = ctx.now();
  const [typicalMs, ahead] = await Promise.all([
    typicalPrepMs(ctx.db, store, now),
    openTickets(ctx.db, store.id, order.placedAt),
  ]);
  return estimateReadyAt({
    placedAt: order.placedAt,
    fireAt: order.fireAt,
    now,
    typicalMs,
    ahead,
    extraMinutes: store.pacing.extraMinutes,
  });
}
