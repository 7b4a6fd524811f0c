export { createWebhookEndpoint, listWebhookEndpoints, removeWebhookEndpoint } from './endpoints.ts';
export {
  queueWebhooks,
  webhookSender,
  type WebhookBody,
  type WebhookTransport,
} from './deliver-webhooks.ts';
export {
  WEBHOOK_EVENT_TYPES,
  WebhookEndpointCreateInput,
  WebhookEndpointIdInput,
} from './schemas.ts';
export { signWebhook, verifyWebhookSignature } from './signature.ts';
export { alertFailingWebhooks } from './endpoint-health.ts';
