export { createApiKey, listApiKeys, noteApiKeyUse, revokeApiKey } from './api-keys.ts';
export { integrationMenu } from './integration-menu.ts';
export {
  integrationOrder,
  integrationOrders,
  integrationPlaceOrder,
} from './integration-orders.ts';
export {
  integrationAddWebhook,
  integrationRemoveWebhook,
  integrationWebhooks,
} from './integration-webhooks.ts';
export {
  ApiKeyCreateInput,
  ApiKeyIdInput,
  ApiMenu,
  ApiOrder,
  ApiOrderIdInput,
  ApiOrderList,
  ApiOrderListInput,
  ApiPlacedOrder,
  ApiPlaceOrderInput,
  ApiWebhookCreated,
  ApiWebhookCreateInput,
  ApiWebhookIdInput,
  ApiWebhookList,
} from './schemas.ts';
