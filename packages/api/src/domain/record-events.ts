import { appendEvents } from '../events/append-events.ts';
import type { Actor, EventDraft, StoredEvent } from '../events/types.ts';
import type { TxContext } from './context.ts';
import { NotFoundError } from './errors.ts';
import { activeEndpoints, queueWebhooks } from './webhooks/deliver-webhooks.ts';

/** Who the events are recorded as: the principal of the request, else the guest. */
export function actorOf(ctx: TxContext): Actor {
  const p = ctx.principal;
  if (!p) return { kind: 'customer', id: null };
  if (p.kind === 'staff') return { kind: 'staff', id: p.staffId };
  return p.kind === 'device'
    ? { kind: 'device', id: p.deviceId }
    : { kind: 'api_key', id: p.apiKeyId };
}

/**
 * Records what a verb did, in its transaction: appends the events to the store's log (live
 * screens get them after commit) and queues each one for the store's webhook endpoints that
 * want it, read in the append's own statement. Call it last in a verb (the append holds the
 * store's sequence until commit).
 */
export async function recordEvents(
  tx: TxContext,
  storeId: string,
  drafts: EventDraft[],
  actor: Actor = actorOf(tx),
): Promise<StoredEvent[]> {
  const appended = await appendEvents(tx, storeId, drafts, {
    actor,
    alongside: activeEndpoints(storeId),
  });
  if (!appended) throw new NotFoundError('store');
  const endpoints = appended.alongside ?? [];
  if (endpoints.length) await queueWebhooks(tx, storeId, endpoints, appended.events);
  return appended.events;
}
