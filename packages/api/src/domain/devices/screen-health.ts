import { devices, orderEvents, type Device, type Queryable } from '@kds/db';
import { and, asc, eq, gt, isNotNull, isNull, lt, ne } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { kitchenEventFilter } from '../kitchen/event-filter.ts';
import { toStoredEvent } from '../../events/read-events.ts';
import { inStore } from '../transaction.ts';

/** Screens repeat their ack every 30 s; three missed in a row is offline. */
export const OFFLINE_AFTER_MS = 90_000;
/** An event not drawn this long after it committed makes a screen behind (normal lag is ms). */
export const BEHIND_AFTER_MS = 30_000;

export interface ScreenHealth {
  deviceId: string;
  name: string;
  stationId: string | null;
  state: 'live' | 'offline' | 'behind';
  /** When the problem began: last heartbeat, or the oldest event it has not drawn. */
  since: Date | null;
  lastSeenAt: Date | null;
  lastAckSeq: number;
  /** Changes this screen is sent but has not shown for over 30 s (counted up to 200). */
  missed: number;
}

export async function healthOf(db: Queryable, device: Device, now: Date): Promise<ScreenHealth> {
  const base = {
    deviceId: device.id,
    name: device.name,
    stationId: device.stationId,
    lastSeenAt: device.lastSeenAt,
    lastAckSeq: device.lastAckSeq,
  };
  if (!device.lastSeenAt || now.getTime() - device.lastSeenAt.getTime() > OFFLINE_AFTER_MS) {
    return { ...base, state: 'offline', since: device.lastSeenAt ?? device.pairedAt, missed: 0 };
  }
  // Only events this screen is sent count: a grill screen is not behind on a salad.
  const unseen = await db
    .select()
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.storeId, device.storeId),
        gt(orderEvents.seq, device.lastAckSeq),
        ne(orderEvents.type, 'order.created'),
        lt(orderEvents.createdAt, new Date(now.getTime() - BEHIND_AFTER_MS)),
      ),
    )
    .orderBy(asc(orderEvents.seq))
    .limit(200);
  const wanted = kitchenEventFilter(device.stationId ?? undefined);
  const missed = unseen.map(toStoredEvent).filter(wanted);
  const oldest = missed[0];
  return oldest
    ? { ...base, state: 'behind', since: new Date(oldest.at), missed: missed.length }
    : { ...base, state: 'live', since: null, missed: 0 };
}

export function pairedScreens(db: Queryable, storeId: string) {
  return db
    .select()
    .from(devices)
    .where(
      and(eq(devices.storeId, storeId), isNotNull(devices.pairedAt), isNull(devices.revokedAt)),
    )
    .orderBy(asc(devices.name));
}

/**
 * Stations with at least one live screen; `null` in the set means a live all-stations screen.
 * A station printing "as a fallback" prints while it is not in here.
 */
export async function stationsWithLiveScreens(
  db: Queryable,
  storeId: string,
  now: Date,
): Promise<Set<string | null>> {
  const screens = await pairedScreens(db, storeId);
  const health = await Promise.all(screens.map((d) => healthOf(db, d, now)));
  return new Set(health.filter((h) => h.state === 'live').map((h) => h.stationId));
}

/** Every paired screen of the manager's store: live, offline or behind, and since when. */
export async function listScreenHealth({ ctx }: { ctx: DomainContext }): Promise<ScreenHealth[]> {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const now = ctx.now();
    return Promise.all(
      (await pairedScreens(tx.db, manager.storeId)).map((d) => healthOf(tx.db, d, now)),
    );
  });
}
