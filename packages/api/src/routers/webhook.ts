import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  WebhookEndpointCreateInput,
  WebhookEndpointIdInput,
} from '../domain/webhooks/index.ts';
import { managerProcedure, router } from '../trpc.ts';

/** Outgoing webhooks for integrators and POS systems. */
export const webhookRouter = router({
  list: managerProcedure.query(({ ctx }) => listWebhookEndpoints({ ctx })),
  create: managerProcedure
    .input(WebhookEndpointCreateInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint({ ctx, input })),
  remove: managerProcedure
    .input(WebhookEndpointIdInput)
    .mutation(({ ctx, input }) => removeWebhookEndpoint({ ctx, input })),
});
