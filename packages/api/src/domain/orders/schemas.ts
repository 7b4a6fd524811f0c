import { LANGUAGES } from '@kds/i18n';
import { z } from 'zod';
import { inputError } from '../errors.ts';
import { TypedPhone } from '../phone-input.ts';

const Uuid = z.uuid({ error: inputError('id') });

// Unknown keys (a `priceCents` sent by a client, say) are stripped: prices come from the database.
export const OrderLineInput = z.object({
  menuItemId: Uuid,
  quantity: z.number().int().min(1, inputError('atLeastOne')).max(99, inputError('atMost99')),
  modifierIds: z.array(Uuid).max(20).default([]),
  notes: z.string().trim().max(200).default(''),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

export const CustomerInput = z.object({
  name: z.string().trim().min(1, inputError('nameNeeded')).max(80),
  /** As the guest dials it where the store is, or with + and the country code (see phone.ts). */
  phone: TypedPhone.optional(),
  email: z.email().max(254).optional(),
  smsConsent: z.boolean().default(false),
  callConsent: z.boolean().default(false),
  emailConsent: z.boolean().default(false),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export const FulfilmentInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dine_in'), table: z.string().trim().min(1).max(20) }),
  z.object({ type: z.literal('pickup') }),
  z.object({
    type: z.literal('delivery'),
    address: z.string().trim().min(1).max(300),
    postcode: z.string().trim().min(1).max(12),
  }),
]);
export type FulfilmentInput = z.infer<typeof FulfilmentInput>;

const orderShape = {
  storeSlug: z.string().trim().min(1).max(63),
  items: z
    .array(OrderLineInput)
    .min(1, inputError('cartEmpty'))
    .max(50, inputError('atMost50Lines')),
  fulfilment: FulfilmentInput,
  notes: z.string().trim().max(500).default(''),
  /** The guest's allergies: the menu's allergen names or their own words, one per entry. */
  allergies: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  discountCode: z.string().trim().min(1).max(40).optional(),
  tipCents: z.number().int().min(0).max(100_000).default(0),
  /** A scheduled order: placed now, fired to the kitchen at `fireAt - prep time`. */
  fireAt: z.iso.datetime({ offset: true }).optional(),
};

export const PreviewOrderInput = z.object(orderShape);
export type PreviewOrderInput = z.infer<typeof PreviewOrderInput>;

export const PlaceOrderInput = z.object({
  ...orderShape,
  customer: CustomerInput,
  /** The language the guest ordered in (one the store offers): their messages use it. */
  language: z.enum(LANGUAGES).optional(),
  payment: z.enum(['online', 'counter']).optional(),
  idempotencyKey: z.string().min(8).max(128),
});
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

/** An order keyed in by staff: a phone order or a walk-in, for their own store. */
export const EnterOrderInput = PlaceOrderInput.omit({ storeSlug: true, payment: true }).extend({
  /** Taken at the counter now, or a link the guest pays with (the kitchen gets it when paid). */
  payment: z.enum(['counter', 'link']),
  /** Where the payment link goes; with neither, staff read or paste it to the guest. */
  sendLinkBy: z
    .object({ sms: z.boolean().default(false), email: z.boolean().default(false) })
    .default({ sms: false, email: false }),
});
export type EnterOrderInput = z.infer<typeof EnterOrderInput>;

const OrderRef = { orderId: Uuid, expectedVersion: z.number().int().positive().optional() };

export const StartTicketInput = z.object(OrderRef);
export type StartTicketInput = z.infer<typeof StartTicketInput>;

export const BumpItemInput = z.object({ ...OrderRef, itemId: Uuid });
export type BumpItemInput = z.infer<typeof BumpItemInput>;

export const BumpTicketInput = z.object({
  ...OrderRef,
  /** A prep station bumps its own items; without it (or at expo) the ticket goes READY. */
  stationId: Uuid.optional(),
  /** Expo override: READY even though some station has not bumped. */
  force: z.boolean().default(false),
});
export type BumpTicketInput = z.infer<typeof BumpTicketInput>;

export const RecallTicketInput = z.object({
  ...OrderRef,
  stationId: Uuid.optional(),
  /** One item back (a cook's mis-tap): only that item is queued again. */
  itemId: Uuid.optional(),
});
export type RecallTicketInput = z.infer<typeof RecallTicketInput>;

export const PrioritizeTicketInput = z.object({
  ...OrderRef,
  priority: z.number().int().min(0).max(9).default(1),
});
export type PrioritizeTicketInput = z.infer<typeof PrioritizeTicketInput>;

export const CancelOrderInput = z.object({
  ...OrderRef,
  reason: z.string().trim().min(1, inputError('sayWhy')).max(300),
  /** Part of an online payment to give back; the whole payment when omitted. */
  refundCents: z.number().int().positive().optional(),
});
export type CancelOrderInput = z.infer<typeof CancelOrderInput>;

export const AddToOrderInput = z.object({
  trackingToken: z.string().regex(/^[A-Za-z0-9_-]{22}$/, inputError('trackingLink')),
  items: z
    .array(OrderLineInput)
    .min(1, inputError('nothingToAdd'))
    .max(50, inputError('atMost50Lines')),
  idempotencyKey: z.string().min(8).max(128),
});
export type AddToOrderInput = z.infer<typeof AddToOrderInput>;

export const CompleteOrderInput = z.object({
  ...OrderRef,
  /** The guest's 6-digit code, where the store requires one for pickup. */
  pickupCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, inputError('pickupCode'))
    .optional(),
});
export type CompleteOrderInput = z.infer<typeof CompleteOrderInput>;

export const DispatchOrderInput = z.object({
  ...OrderRef,
  /** Who takes it out, when the store says: its own driver, or a courier's. */
  driver: z
    .object({
      name: z.string().trim().min(1, inputError('name')).max(60),
      phone: TypedPhone.optional(),
    })
    .optional(),
});
export type DispatchOrderInput = z.infer<typeof DispatchOrderInput>;
