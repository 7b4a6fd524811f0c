import { webhookEndpoints } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import type { TxContext } from '../context.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { PermanentFailure, type OutboxSender } from '../outbox/run-outbox.ts';
import type { StoredEvent } from '../../events/types.ts';
import { markAnswering, markFailing } from './endpoint-health.ts';
import { signWebhook } from './signature.ts';
import { inStore } from '../transaction.ts';

/** What an integrator receives: one event, with an id stable across retries. */
export interface WebhookBody {
  id: string;
  type: string;
  createdAt: string;
  storeId: string;
  orderId: string | null;
  data: unknown;
}

/** An active endpoint of the store, as `recordEvents` reads it in the append's statement. */
export interface WebhookTarget {
  id: string;
  url: string;
  types: string[];
}

/** The store's active endpoints, as a subquery the events' append answers (`recordEvents`). */
export function activeEndpoints(storeId: string) {
  return sql<WebhookTarget[]>`(select coalesce(json_agg(json_build_object('id', w.id, 'url', w.url,
    'types', w.event_types)), '[]') from webhook_endpoints w
    where w.store_id = ${storeId} and w.active)`;
}

/**
 * Queues each event for every endpoint of the store that wants it, in the transaction that
 * appends the events: delivered only if they commit, once per event and endpoint, and never
 * on the kitchen's path (the outbox worker does the HTTP, with retries).
 */
export async function queueWebhooks(
  tx: TxContext,
  storeId: string,
  endpoints: WebhookTarget[],
  events: StoredEvent[],
) {
  for (const endpoint of endpoints) {
    for (const event of events) {
      if (!endpoint.types.includes('*') && !endpoint.types.includes(event.type)) continue;
      const body: WebhookBody = {
        id: `evt_${storeId}_${event.seq}`,
        type: event.type,
        createdAt: event.at,
        storeId,
        orderId: event.orderId,
        data: event.payload,
      };
      await enqueue(tx, {
        storeId,
        orderId: event.orderId,
        channel: 'webhook',
        dedupeKey: `event:${event.seq}:webhook:${endpoint.id}`,
        recipient: endpoint.url,
        template: `webhook.${event.type}`,
        payload: { endpointId: endpoint.id, body },
      });
    }
  }
}

/** Where webhooks leave from: an HTTP client that refuses to reach inside our network. */
export interface WebhookTransport {
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number }>;
}

/** POSTs the event, signed with the endpoint's secret at send time; any non-2xx is retried. */
export function webhookSender(transport: WebhookTransport): OutboxSender {
  return async (message, ctx) => {
    const endpointId = String(message.payload.endpointId);
    const [endpoint] = await inStore(ctx, message.storeId, ({ db }) =>
      db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)),
    );
    if (!endpoint?.active) throw new PermanentFailure('the endpoint was removed');
    const body = JSON.stringify(message.payload.body);
    let status: number;
    try {
      ({ status } = await transport.post(endpoint.url, body, {
        'content-type': 'application/json',
        'user-agent': 'KDS-Webhooks/1',
        'kds-signature': signWebhook(endpoint.secret, body, ctx.now()),
        'kds-event-id': String((message.payload.body as WebhookBody).id),
      }));
    } catch (error) {
      await markFailing(ctx, endpoint, error instanceof Error ? error.message : String(error));
      throw error;
    }
    if (status < 200 || status >= 300) {
      await markFailing(ctx, endpoint, `answered ${status}`);
      throw new Error(`the endpoint answered ${status}`);
    }
    // The row read above says whether an incident is open: most deliveries write nothing more.
    if (endpoint.failingSince) await markAnswering(ctx, endpoint);
    return { providerId: (message.payload.body as WebhookBody).id };
  };
}
