import { executeRows, type Queryable } from '@kds/db';
import { sql, type SQL } from 'drizzle-orm';
import type { EventPublisher } from './event-bus.ts';
import type { Actor, EventDraft, StoredEvent } from './types.ts';

export const EVENTS_CHANNEL = 'kds_events';

/** What appending needs of the caller's transaction. */
export interface AppendTx {
  db: Queryable;
  now(): Date;
  bus: EventPublisher;
  /** Runs after the outermost transaction commits; never after a rollback. */
  afterCommit(fn: () => void): void;
}

export interface AppendOptions<T> {
  /** Who did it. */
  actor: Actor;
  /**
   * The caller's own read (a scalar subquery), answered by the append's statement, so that
   * both take one round trip: the domain reads the store's webhook endpoints this way.
   */
  alongside?: SQL<T>;
}

/** The events appended, and what the caller's `alongside` read (null without one). */
export interface Appended<T> {
  events: StoredEvent[];
  alongside: T | null;
}

/**
 * Appends events in the caller's transaction, in one round trip: the sequence comes from
 * `UPDATE stores SET event_seq = event_seq + n`, whose row lock is held until commit, so within
 * a store commit order equals seq order and a rolled-back transaction leaves no gap; the same
 * statement inserts the events (and answers the caller's `alongside` read).
 * Call it last in a verb, to hold that lock as briefly as possible. Null: no such store.
 */
export async function appendEvents<T = null>(
  ctx: AppendTx,
  storeId: string,
  drafts: EventDraft[],
  { actor, alongside }: AppendOptions<T>,
): Promise<Appended<T> | null> {
  if (drafts.length === 0) return { events: [], alongside: null };
  const at = ctx.now();
  const rows = drafts.map((d, i) => ({
    n: i + 1,
    type: d.type,
    order_id: d.orderId,
    station_id: d.stationId ?? null,
    payload: d.payload,
  }));
  const [row] = await executeRows<{
    eventSeq: number | string | null;
    appended: number;
    alongside: T | null;
  }>(
    ctx.db,
    sql`
    with s as (
      update stores set event_seq = event_seq + ${drafts.length}
      where id = ${storeId} returning event_seq
    ),
    appended as (
      insert into order_events (store_id, seq, type, order_id, station_id, actor_kind, actor_id,
        payload, created_at)
      select ${storeId}, s.event_seq - ${drafts.length} + d.n, d.type, d.order_id, d.station_id,
        ${actor.kind}, ${actor.id}, d.payload, ${at.toISOString()}::timestamptz
      from s, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as d(n int, type text, order_id uuid, station_id uuid, payload jsonb)
      returning seq
    )
    select (select event_seq from s) as "eventSeq",
      (select count(*) from appended)::int as "appended",
      ${alongside ?? sql`null`} as "alongside"
  `,
  );
  if (!row || row.eventSeq === null || row.appended !== drafts.length) return null;
  const first = Number(row.eventSeq) - drafts.length + 1;
  const events = drafts.map(
    (draft, i) =>
      ({
        seq: first + i,
        storeId,
        orderId: draft.orderId,
        stationId: draft.stationId ?? null,
        actor,
        at: at.toISOString(),
        type: draft.type,
        payload: draft.payload,
      }) as StoredEvent,
  );
  // Other instances are woken after commit, by the bus's notifier: never NOTIFY in here.
  ctx.afterCommit(() => ctx.bus.published(storeId, events));
  return { events, alongside: row.alongside };
}
