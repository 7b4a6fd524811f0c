import type { DomainContext } from '../context.ts';
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
} from '../webhooks/endpoints.ts';
import type { ApiWebhookIdInput } from './schemas.ts';

// The console's webhook verbs, reached with a key that has webhooks:manage (they check it).

export async function integrationWebhooks({ ctx }: { ctx: DomainContext }) {
  const endpoints = await listWebhookEndpoints({ ctx });
  return {
    webhooks: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      eventTypes: e.eventTypes,
      secretHint: e.secretHint,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export const integrationAddWebhook = createWebhookEndpoint;

export async function integrationRemoveWebhook({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ApiWebhookIdInput;
}) {
  return removeWebhookEndpoint({ ctx, input: { endpointId: input.webhookId } });
}
