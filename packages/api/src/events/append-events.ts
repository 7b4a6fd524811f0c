import { executeRows } from '@kds/db';
import { sql } from 'drizzle-orm';
import type { TxContext } from '../domain/context.ts';
import { NotFoundError } from '../domain/errors.ts';
import { queueWebhooks, type WebhookTarget } from '../domain/webhooks/deliver-webhooks.ts';
import type { Actor, EventDraft, StoredEvent } from './types.ts';

export const EVENTS_CHANNEL = 'kds_events';

export function actorOf(ctx: TxContext): Actor {
  const p = ctx.principal;
  if (!p) return { kind: 'customer', id: null };
  if (p.kind === 'staff') return { kind: 'staff', id: p.staffId };
  return p.kind === 'device'
    ? { kind: 'device', id: p.deviceId }
    : { kind: 'api_key', id: p.apiKeyId };
}

/**
 * Appends events in the caller's transaction, in one round trip: the sequence comes from
 * `UPDATE stores SET event_seq = event_seq + n`, whose row lock is held until commit, so within
 * a store commit order equals seq order and a rolled-back transaction leaves no gap; the same
 * statement inserts the events and reads the store's active webhook endpoints.
 * Call it last in a verb, to hold that lock as briefly as possible.
 */
export async function appendEvents(
  ctx: TxContext,
  storeId: string,
  drafts: EventDraft[],
  actor: Actor = actorOf(ctx),
): Promise<StoredEvent[]> {
  if (drafts.length === 0) return [];
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
    endpoints: WebhookTarget[];
  }>(
    ctx.tx,
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
      (select coalesce(json_agg(json_build_object('id', w.id, 'url', w.url, 'types', w.event_types)), '[]')
        from webhook_endpoints w where w.store_id = ${storeId} and w.active) as "endpoints"
  `,
  );
  if (!row || row.eventSeq === null || row.appended !== drafts.length) {
    throw new NotFoundError('store');
  }
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
  if (row.endpoints.length) await queueWebhooks(ctx, storeId, row.endpoints, events);
  // Other instances are woken after commit, by the bus's notifier: never NOTIFY in here.
  ctx.afterCommit(() => ctx.bus.published(storeId, events));
  return events;
}
