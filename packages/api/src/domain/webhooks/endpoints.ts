import { webhookEndpoints } from '@kds/db';
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManagerOrScope } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { WebhookEndpointCreateInput, WebhookEndpointIdInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * A store's endpoints; the secret only as its last characters, to tell them apart. Managers
 * keep them in the console, and an integration whose key has webhooks:manage may too.
 */
export async function listWebhookEndpoints({ ctx }: { ctx: DomainContext }) {
  const owner = requireManagerOrScope(ctx, 'webhooks:manage');
  return inStore(ctx, owner.storeId, async (tx) => {
    const rows = await tx.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.storeId, owner.storeId), eq(webhookEndpoints.active, true)))
      .orderBy(asc(webhookEndpoints.createdAt));
    return rows.map(({ secret, ...endpoint }) => ({
      ...endpoint,
      secretHint: `…${secret.slice(-4)}`,
    }));
  });
}

/** Adds an endpoint; its signing secret is returned this once. */
export async function createWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: WebhookEndpointCreateInput;
}) {
  const owner = requireManagerOrScope(ctx, 'webhooks:manage');
  return inStore(ctx, owner.storeId, async (tx) => {
    // Events carry guests' names and orders: in production they travel encrypted or not at all.
    if (tx.config.services.production && !input.url.startsWith('https://')) {
      throw new ValidationError(
        { key: 'admin.httpsRequired' },
        {
          problems: [{ path: ['url'], code: 'HTTPS_REQUIRED' }],
        },
      );
    }
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [endpoint] = await tx.db
      .insert(webhookEndpoints)
      .values({
        storeId: owner.storeId,
        url: input.url,
        secret,
        eventTypes: [...new Set(input.eventTypes)],
      })
      .returning();
    if (!endpoint) throw new Error('endpoint not created');
    await recordAudit(tx.db, owner, {
      action: 'webhook.created',
      entity: 'webhook_endpoint',
      entityId: endpoint.id,
      after: { url: endpoint.url, eventTypes: endpoint.eventTypes },
    });
    return { id: endpoint.id, url: endpoint.url, eventTypes: endpoint.eventTypes, secret };
  });
}

/** Stops deliveries to an endpoint; messages already queued for it are dropped when due. */
export async function removeWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: WebhookEndpointIdInput;
}) {
  const owner = requireManagerOrScope(ctx, 'webhooks:manage');
  return inStore(ctx, owner.storeId, async (tx) => {
    const [endpoint] = await tx.db
      .update(webhookEndpoints)
      .set({ active: false })
      .where(
        and(
          eq(webhookEndpoints.id, input.endpointId),
          eq(webhookEndpoints.storeId, owner.storeId),
          eq(webhookEndpoints.active, true),
        ),
      )
      .returning();
    if (!endpoint) throw new NotFoundError('webhookEndpoint', { endpointId: input.endpointId });
    await recordAudit(tx.db, owner, {
      action: 'webhook.removed',
      entity: 'webhook_endpoint',
      entityId: endpoint.id,
      before: { url: endpoint.url, eventTypes: endpoint.eventTypes },
    });
    return { id: endpoint.id };
  });
}
