import {
  API_SCOPES,
  fulfilmentType,
  itemStatus,
  orderSource,
  orderStatus,
  paymentStatus,
} from '@kds/db';
import { z } from 'zod';
import { inputError } from '../errors.ts';
import { EnterOrderInput } from '../orders/schemas.ts';
import { WebhookEndpointCreateInput } from '../webhooks/schemas.ts';

// Inputs and outputs of the integration API (/api/v1 and the `integration.*` procedures). The
// outputs are parsed on the way out: a field not listed here never reaches an integration.

export const ApiScope = z.enum(API_SCOPES);

export const ApiKeyCreateInput = z.object({
  /** Who uses it, for the manager: "Till 2", "Deliveroo". */
  name: z.string().trim().min(1, inputError('nameNeeded')).max(60),
  scopes: z.array(ApiScope).min(1, inputError('scopes')).max(API_SCOPES.length),
});
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateInput>;

export const ApiKeyIdInput = z.object({ apiKeyId: z.uuid() });
export type ApiKeyIdInput = z.infer<typeof ApiKeyIdInput>;

const Timestamp = z.iso.datetime();
const OrderStatus = z.enum(orderStatus.enumValues);

/** An order as an integration sees it: no pickup code, costs, fees or internal ids. */
export const ApiOrder = z.object({
  id: z.uuid(),
  number: z.number().int(),
  businessDate: z.iso.date(),
  status: OrderStatus,
  paymentStatus: z.enum(paymentStatus.enumValues),
  source: z.enum(orderSource.enumValues),
  fulfilment: z.object({
    type: z.enum(fulfilmentType.enumValues),
    table: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    driverName: z.string().nullable(),
  }),
  customer: z.object({
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  items: z.array(
    z.object({
      id: z.uuid(),
      menuItemId: z.uuid().nullable(),
      name: z.string(),
      quantity: z.number().int(),
      unitPriceCents: z.number().int(),
      lineTotalCents: z.number().int(),
      modifiers: z.array(z.object({ modifierId: z.string(), name: z.string() })),
      notes: z.string(),
      status: z.enum(itemStatus.enumValues),
    }),
  ),
  notes: z.string(),
  allergies: z.array(z.string()),
  currency: z.string(),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  taxCents: z.number().int(),
  tipCents: z.number().int(),
  totalCents: z.number().int(),
  /** The guest's page for the order: status, ready time and, while unpaid, "Pay now". */
  trackingUrl: z.url(),
  fireAt: Timestamp.nullable(),
  createdAt: Timestamp,
  placedAt: Timestamp.nullable(),
  readyAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  canceledAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type ApiOrder = z.infer<typeof ApiOrder>;

export const ApiOrderIdInput = z.object({ orderId: z.uuid({ error: inputError('orderId') }) });
export type ApiOrderIdInput = z.infer<typeof ApiOrderIdInput>;

/** Orders changed after a point, oldest change first: what a POS polls to stay in step. */
export const ApiOrderListInput = z.object({
  /** Orders whose status or payment changed after this moment. */
  updatedAfter: Timestamp.optional(),
  status: z.array(OrderStatus).max(OrderStatus.options.length).optional(),
  /** `next` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ApiOrderListInput = z.infer<typeof ApiOrderListInput>;

export const ApiOrderList = z.object({
  orders: z.array(ApiOrder),
  /** Pass as `cursor` for the next page; null when this was the last. */
  next: z.string().nullable(),
});

/** An order from a POS or an aggregator: the staff entry's rules, with the key's store. */
export const ApiPlaceOrderInput = EnterOrderInput;
export type ApiPlaceOrderInput = z.infer<typeof ApiPlaceOrderInput>;

export const ApiPlacedOrder = z.object({
  order: ApiOrder,
  /** With `payment: "link"`: the page the guest pays on; null when paid at the counter. */
  payUrl: z.url().nullable(),
  linkSentBy: z.object({ sms: z.boolean(), email: z.boolean() }).nullable(),
});

const MenuModifier = z.object({
  id: z.uuid(),
  name: z.string(),
  priceDeltaCents: z.number().int(),
  isAvailable: z.boolean(),
});

export const ApiMenu = z.object({
  store: z.object({
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    timezone: z.string(),
    taxRateBps: z.number().int(),
    isOpen: z.boolean(),
    deliveryAvailable: z.boolean(),
  }),
  categories: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      items: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          description: z.string(),
          priceCents: z.number().int(),
          isAvailable: z.boolean(),
          allergens: z.array(z.string()),
          modifierGroups: z.array(
            z.object({
              id: z.uuid(),
              name: z.string(),
              minChoices: z.number().int(),
              maxChoices: z.number().int(),
              modifiers: z.array(MenuModifier),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const ApiWebhook = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  /** The last characters of the signing secret, to tell endpoints apart. */
  secretHint: z.string(),
  createdAt: Timestamp,
});

export const ApiWebhookList = z.object({ webhooks: z.array(ApiWebhook) });

export const ApiWebhookCreateInput = WebhookEndpointCreateInput;

export const ApiWebhookCreated = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  /** Signs every delivery (the `KDS-Signature` header); shown this once. */
  secret: z.string(),
});

export const ApiWebhookIdInput = z.object({ webhookId: z.uuid() });
export type ApiWebhookIdInput = z.infer<typeof ApiWebhookIdInput>;
