import { pgEnum } from 'drizzle-orm/pg-core';

export const stationKind = pgEnum('station_kind', ['prep', 'expo']);

export const orderStatus = pgEnum('order_status', [
  'PENDING_PAYMENT',
  'PLACED',
  'PREPARING',
  'READY',
  'OUT_FOR_DELIVERY',
  'COMPLETED',
  'CANCELED',
  'EXPIRED',
]);
/** An order's status: the database enum is the one list (the domain's state machine moves it). */
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const paymentStatus = pgEnum('payment_status', [
  'unpaid',
  'pending',
  'paid',
  'refunded',
  'partially_refunded',
  'failed',
  'at_counter',
]);

export const paymentMethod = pgEnum('payment_method', ['online', 'counter']);

/** Who keyed the order in: the guest online, staff (phone or walk-in), or an integration. */
export const orderSource = pgEnum('order_source', ['guest', 'staff', 'api']);

export const fulfilmentType = pgEnum('fulfilment_type', ['dine_in', 'pickup', 'delivery']);

export const itemStatus = pgEnum('item_status', ['queued', 'done']);

export const staffRole = pgEnum('staff_role', ['owner', 'manager', 'kitchen']);

export const outboxChannel = pgEnum('outbox_channel', [
  'sms',
  'call',
  'email',
  'webhook',
  'refund',
  'print',
]);

/** When a station prints: never, every ticket, or only while none of its screens is live. */
export const printMode = pgEnum('print_mode', ['never', 'always', 'fallback']);

/** `recorded`: no provider is configured, so the message was written down and never left. */
export const outboxStatus = pgEnum('outbox_status', [
  'pending',
  'sending',
  'sent',
  'failed',
  'canceled',
  'recorded',
]);

export const discountKind = pgEnum('discount_kind', ['percent', 'amount']);
