import type { OpenApiMeta } from 'trpc-to-openapi';
import { z } from 'zod';
import {
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
  integrationAddWebhook,
  integrationMenu,
  integrationOrder,
  integrationOrders,
  integrationPlaceOrder,
  integrationRemoveWebhook,
  integrationWebhooks,
} from '../domain/integrations/index.ts';
import { restInput } from '../rest-input.ts';
import { integrationProcedure, limitCalls, limitCodeGuesses, router, strictBody } from '../trpc.ts';

/**
 * The integration API for a POS, an aggregator or a script, with a store's API key. Each
 * procedure is also a REST route under /api/v1 (`meta.openapi`), and the OpenAPI document is
 * generated from these same definitions, outputs included.
 */
const route = (
  method: 'GET' | 'POST' | 'DELETE',
  path: `/${string}`,
  summary: string,
  tag: string,
): OpenApiMeta => ({ openapi: { method, path, summary, tags: [tag], protect: true } });

export const integrationRouter = router({
  menu: integrationProcedure('menu:read')
    .meta(route('GET', '/menu', "The store's menu, with what is available now", 'Menu'))
    .input(z.void())
    .output(ApiMenu)
    .query(({ ctx }) => integrationMenu({ ctx })),
  orders: integrationProcedure('orders:read')
    .meta(route('GET', '/orders', 'Orders changed after a moment, oldest change first', 'Orders'))
    .input(restInput(ApiOrderListInput))
    .output(ApiOrderList)
    .query(({ ctx, input }) => integrationOrders({ ctx, input })),
  order: integrationProcedure('orders:read')
    .meta(route('GET', '/orders/{orderId}', 'One order and where it is', 'Orders'))
    .input(restInput(ApiOrderIdInput))
    .output(ApiOrder)
    .query(({ ctx, input }) => integrationOrder({ ctx, input })),
  placeOrder: integrationProcedure('orders:write')
    .use(limitCalls((limits) => limits.placeOrder, 'limits.keyOrders'))
    .meta(
      route(
        'POST',
        '/orders',
        'Place an order (paid at your till, or by a payment link)',
        'Orders',
      ),
    )
    .use(strictBody(ApiPlaceOrderInput))
    .input(restInput(ApiPlaceOrderInput))
    .use(limitCodeGuesses)
    .output(ApiPlacedOrder)
    .mutation(({ ctx, input }) => integrationPlaceOrder({ ctx, input })),
  webhooks: integrationProcedure('webhooks:manage')
    .meta(route('GET', '/webhooks', "The store's webhook endpoints", 'Webhooks'))
    .input(z.void())
    .output(ApiWebhookList)
    .query(({ ctx }) => integrationWebhooks({ ctx })),
  addWebhook: integrationProcedure('webhooks:manage')
    .meta(
      route('POST', '/webhooks', 'Add an endpoint; its signing secret is shown once', 'Webhooks'),
    )
    .use(strictBody(ApiWebhookCreateInput))
    .input(restInput(ApiWebhookCreateInput))
    .output(ApiWebhookCreated)
    .mutation(({ ctx, input }) => integrationAddWebhook({ ctx, input })),
  removeWebhook: integrationProcedure('webhooks:manage')
    .meta(route('DELETE', '/webhooks/{webhookId}', 'Stop deliveries to an endpoint', 'Webhooks'))
    .input(restInput(ApiWebhookIdInput))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => integrationRemoveWebhook({ ctx, input })),
});
