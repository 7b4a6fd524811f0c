import { orderItems, orders, stations, type Queryable, type Store } from '@kds/db';
import { and, eq, gt, gte, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { slotStart, SLOT_MINUTES } from '../stores/pickup-slots.ts';

/** Below this load the throttle allows its whole cap; at full load it allows none. */
export const EASY_LOAD = 0.5;

export interface StationLoad {
  stationId: string;
  name: string;
  openItems: number;
  capacityItems: number;
  /** Open items over capacity: 0 idle, 1 as much as the station can have on the go. */
  load: number;
}

/**
 * How full each prep station is: items still to make on tickets in the kitchen (scheduled
 * tickets count once they are due within the default prep time) against what the station
 * can have on the go at once. The kitchen's load is its busiest station's: the bottleneck.
 */
export async function stationLoads(db: Queryable, store: Store, now: Date): Promise<StationLoad[]> {
  const dueBy = new Date(now.getTime() + store.settings.defaultPrepMinutes * 60_000);
  const open = await db
    .select({
      stationId: orderItems.stationId,
      openItems: sql<number>`coalesce(sum(${orderItems.quantity}), 0)::int`,
    })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        eq(orderItems.storeId, store.id),
        eq(orderItems.status, 'queued'),
        inArray(orders.status, ['PLACED', 'PREPARING']),
        or(isNull(orders.fireAt), lte(orders.fireAt, dueBy)),
      ),
    )
    .groupBy(orderItems.stationId);
  const openBy = new Map(open.map((row) => [row.stationId, Number(row.openItems)]));
  const prep = await db
    .select({ id: stations.id, name: stations.name, capacityItems: stations.capacityItems })
    .from(stations)
    .where(and(eq(stations.storeId, store.id), eq(stations.kind, 'prep')))
    .orderBy(stations.sortOrder);
  return prep.map((s) => {
    const openItems = openBy.get(s.id) ?? 0;
    return {
      stationId: s.id,
      name: s.name,
      openItems,
      capacityItems: s.capacityItems,
      load: openItems / s.capacityItems,
    };
  });
}

export const kitchenLoad = (loads: StationLoad[]) => Math.max(0, ...loads.map((s) => s.load));

/**
 * ASAP orders the throttle accepts in one 15-minute window at this load: the whole cap while
 * every station is at most half full, shrinking in step to none when the busiest station has
 * as many items on the go as it can handle.
 */
export function asapCap(asapPerWindow: number, load: number): number {
  if (load <= EASY_LOAD) return asapPerWindow;
  if (load >= 1) return 0;
  return Math.floor((asapPerWindow * (1 - load)) / (1 - EASY_LOAD));
}

export interface AsapWindow {
  startsAt: Date;
  endsAt: Date;
  taken: number;
}

/**
 * ASAP orders accepted in the current window. An order waiting for payment holds its place
 * until its payment window closes, as scheduled orders hold their slot.
 */
export async function asapWindow(db: Queryable, storeId: string, now: Date): Promise<AsapWindow> {
  const startsAt = slotStart(now);
  const taken = await db.$count(
    orders,
    and(
      eq(orders.storeId, storeId),
      isNull(orders.fireAt),
      gte(orders.createdAt, startsAt),
      notInArray(orders.status, ['CANCELED', 'EXPIRED']),
      or(ne(orders.status, 'PENDING_PAYMENT'), gt(orders.paymentExpiresAt, now)),
    ),
  );
  return { startsAt, endsAt: new Date(startsAt.getTime() + SLOT_MINUTES * 60_000), taken };
}
