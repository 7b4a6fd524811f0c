import {
  actForStore,
  orderEvents,
  stores,
  type Database,
  type OrderEventRow,
  type Transaction,
} from '@kds/db';
import { and, asc, eq, gt } from 'drizzle-orm';
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

/**
 * A read of one store's log, acting for that store (row-level security): the live streams read
 * through here, whichever role the connection has.
 */
function asStore<T>(db: Database, storeId: string, read: (tx: Transaction) => Promise<T>) {
  return db.transaction(async (tx) => {
    await tx.execute(actForStore(storeId));
    return read(tx);
  });
}

/** Committed events after a cursor, in sequence order. */
export async function readEvents(db: Database, query: ReadEventsQuery): Promise<StoredEvent[]> {
  const rows = await asStore(db, query.storeId, (tx) =>
    tx
      .select()
      .from(orderEvents)
      .where(
        and(
          eq(orderEvents.storeId, query.storeId),
          gt(orderEvents.seq, query.afterSeq),
          query.orderId ? eq(orderEvents.orderId, query.orderId) : undefined,
        ),
      )
      .orderBy(asc(orderEvents.seq))
      .limit(query.limit),
  );
  return rows.map(toStoredEvent);
}

/** The last committed sequence of a store (0 when it has none). */
export async function headSeq(db: Database, storeId: string): Promise<number> {
  const [row] = await asStore(db, storeId, (tx) =>
    tx.select({ eventSeq: stores.eventSeq }).from(stores).where(eq(stores.id, storeId)),
  );
  return row?.eventSeq ?? 0;
}
