import {
  actForStore,
  executeRows,
  orderEvents,
  stores,
  type Database,
  type OrderEventRow,
  type Transaction,
} from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import type { StoredEvent } from './types.ts';

export function toStoredEvent(row: OrderEventRow): StoredEvent {
  return {
    seq: row.seq,
    storeId: row.storeId,
    orderId: row.orderId,
    stationId: row.stationId,
    actor: { kind: row.actorKind as StoredEvent['actor']['kind'], id: row.actorId },
    at: row.createdAt.toISOString(),
    type: row.type,
    payload: row.payload,
  } as StoredEvent;
}

export interface ReadEventsQuery {
  storeId: string;
  afterSeq: number;
  limit: number;
  /** Only this order's events (the tracker). */
  orderId?: string;
}

/** A read acting for one store (row-level security), whichever role the connection has. */
function asStore<T>(db: Database, storeId: string, read: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(actForStore(storeId));
    return read(tx);
  });
}

/**
 * Committed events after a cursor, in sequence order: one statement (`kds_store_events`, a
 * database function whose first and mandatory argument is the store), where a transaction
 * that states the store would take four round trips on the read every live stream makes on
 * every wake-up.
 */
export async function readEvents(db: Database, query: ReadEventsQuery): Promise<StoredEvent[]> {
  const rows = await executeRows<OrderEventRow>(
    db,
    sql`select store_id as "storeId", seq, type, order_id as "orderId",
          station_id as "stationId", actor_kind as "actorKind", actor_id as "actorId", payload,
          created_at as "createdAt"
        from kds_store_events(${query.storeId}::uuid, ${query.afterSeq}::bigint,
          ${query.orderId ?? null}::uuid, ${query.limit}::integer)
        order by seq`,
  );
  // Raw rows as the drivers give them: a bigint and a time as text on postgres.js.
  return rows.map((row) =>
    toStoredEvent({
      ...row,
      seq: Number(row.seq),
      createdAt: orderEvents.createdAt.mapFromDriverValue(row.createdAt) as Date,
    }),
  );
}

/** The last committed sequence of a store (0 when it has none). */
export async function headSeq(db: Database, storeId: string): Promise<number> {
  const [row] = await asStore(db, storeId, (tx) =>
    tx.select({ eventSeq: stores.eventSeq }).from(stores).where(eq(stores.id, storeId)),
  );
  return row?.eventSeq ?? 0;
}
