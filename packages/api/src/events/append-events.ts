import { orderEvents, stores } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import type { TxContext } from '../domain/context.ts';
import { NotFoundError } from '../domain/errors.ts';
import { queueWebhooks, webhookTargets } from '../domain/webhooks/deliver-webhooks.ts';
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
 * Appends events in the caller's transaction. The sequence comes from
 * `UPDATE stores SET event_seq = event_seq + n`: the row lock is held until commit, so within a
 * store commit order equals seq order and a rolled-back transaction leaves no gap.
 * Call it last in a verb, to hold that lock as briefly as possible.
 */
export async function appendEvents(
  ctx: TxContext,
  storeId: string,
  drafts: EventDraft[],
  actor: Actor = actorOf(ctx),
): Promise<StoredEvent[]> {
  if (drafts.length === 0) return [];
  // Before the lock: the sequence row is held until commit, so nothing else should wait on it.
  const endpoints = await webhookTargets(ctx, storeId);
  const [row] = await ctx.tx
    .update(stores)
    .set({ eventSeq: sql`${stores.eventSeq} + ${drafts.length}` })
    .where(eq(stores.id, storeId))
    .returning({ eventSeq: stores.eventSeq });
  if (!row) throw new NotFoundError('store');
  const first = row.eventSeq - drafts.length + 1;
  const at = ctx.now();
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
  await ctx.tx.insert(orderEvents).values(
    events.map((e) => ({
      storeId,
      seq: e.seq,
      type: e.type,
      orderId: e.orderId,
      stationId: e.stationId,
      actorKind: actor.kind,
      actorId: actor.id,
      payload: e.payload as unknown as Record<string, unknown>,
      createdAt: at,
    })),
  );
  if (endpoints.length) await queueWebhooks(ctx, storeId, endpoints, events);
  // Other instances are woken after commit, by the bus's notifier: never NOTIFY in here.
  ctx.afterCommit(() => ctx.bus.published(storeId, events));
  return events;
}
