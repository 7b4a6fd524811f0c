import { devices, outbox, stores } from '@kds/db';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@kds/db';
import { acrossStoresOn } from '../transaction.ts';

/**
 * What operators watch, read straight from the database at scrape time (so every instance
 * reports the same truth): how far each paired screen trails its store's event log, and the
 * outbox by channel and status.
 */
export async function healthSnapshot(db: Database, now: Date) {
  // The operator's view of every store: across stores.
  const [screens, queue] = await acrossStoresOn(db, 'operator-metrics', (db) =>
    Promise.all([
      db
        .select({
          store: stores.slug,
          screen: devices.name,
          lagEvents: sql<number>`(${stores.eventSeq} - ${devices.lastAckSeq})::int`,
          lastSeenAt: devices.lastSeenAt,
        })
        .from(devices)
        .innerJoin(stores, eq(stores.id, devices.storeId))
        .where(and(isNotNull(devices.pairedAt), isNull(devices.revokedAt))),
      db
        .select({ channel: outbox.channel, status: outbox.status, n: count() })
        .from(outbox)
        .groupBy(outbox.channel, outbox.status),
    ]),
  );
  return {
    screens: screens.map((s) => ({
      store: s.store,
      screen: s.screen,
      lagEvents: Math.max(0, s.lagEvents),
      secondsSinceSeen: s.lastSeenAt
        ? Math.max(0, (now.getTime() - s.lastSeenAt.getTime()) / 1000)
        : null,
    })),
    outbox: queue,
  };
}
