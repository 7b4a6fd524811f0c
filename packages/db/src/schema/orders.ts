import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { discountCodes } from './discounts.ts';
import {
  fulfilmentType,
  itemStatus,
  orderSource,
  orderStatus,
  paymentMethod,
  paymentStatus,
} from './enums.ts';
import { menuItems } from './menu.ts';
import { stations } from './stations.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

const cents = (name: string, column: { getSQL(): unknown }) =>
  check(`orders_${name}_nonnegative`, sql`${column} >= 0`);

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    /** Human number, per store per business day (store time zone). */
    number: integer().notNull(),
    businessDate: date().notNull(),
    /** 128-bit random, base64url; the only key a customer holds. */
    trackingToken: text().notNull().unique(),
    status: orderStatus().notNull(),
    paymentStatus: paymentStatus().notNull(),
    paymentMethod: paymentMethod().notNull(),
    fulfilment: fulfilmentType().notNull(),
    /** Who keyed it in; the event log's actor says which person or screen. */
    source: orderSource().notNull().default('guest'),
    tableLabel: text(),
    deliveryAddress: text(),
    deliveryPostcode: text(),
    /** Who took a delivery out, when the store says (its own drivers, or a courier's). */
    driverName: text(),
    driverPhone: text(),
    customerName: text().notNull(),
    customerPhone: text(),
    customerEmail: text(),
    /** The language the guest ordered in: their texts, calls and emails use it. */
    language: text(),
    smsConsent: boolean().notNull().default(false),
    callConsent: boolean().notNull().default(false),
    emailConsent: boolean().notNull().default(false),
    notes: text().notNull().default(''),
    /** Allergies the guest declared at checkout (the menu's allergens, or their own words). */
    allergies: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    fireAt: timestamp({ withTimezone: true }),
    /** 0 normal; higher fires first (rush). */
    priority: integer().notNull().default(0),
    subtotalCents: integer().notNull(),
    discountCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    tipCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    costCents: integer().notNull().default(0),
    feeCents: integer().notNull().default(0),
    discountCodeId: uuid().references(() => discountCodes.id),
    pickupCodeHash: text(),
    pickupCodeExpiresAt: timestamp({ withTimezone: true }),
    pickupCodeAttempts: integer().notNull().default(0),
    /** Optimistic concurrency: every state change increments it. */
    version: integer().notNull().default(1),
    idempotencyKey: text().notNull(),
    /** Fingerprint of the place request, so a reused key with another order is refused. */
    requestHash: text().notNull(),
    cancelReason: text(),
    paymentExpiresAt: timestamp({ withTimezone: true }),
    /** When a chit or receipt of this order last came out of a printer (the outbox has each). */
    printedAt: timestamp({ withTimezone: true }),
    /** Its ticket times are in `ticket_times` (set only while COMPLETED; see that table). */
    ticketTimesKept: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    placedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    readyAt: timestamp({ withTimezone: true }),
    outForDeliveryAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.idempotencyKey),
    unique().on(t.storeId, t.businessDate, t.number),
    // Open tickets of a store: the kitchen snapshot's query.
    index('orders_store_open_idx')
      .on(t.storeId, t.placedAt)
      .where(sql`${t.status} in ('PLACED', 'PREPARING', 'READY')`),
    index().on(t.storeId, t.createdAt),
    // Integrations sync "what changed since" (GET /api/v1/orders?updatedAfter=…).
    index().on(t.storeId, t.updatedAt, t.id),
    index().on(t.storeId, t.status),
    // Pickup-slot capacity counts scheduled orders by their time.
    index('orders_store_fire_at_idx')
      .on(t.storeId, t.fireAt)
      .where(sql`${t.fireAt} is not null`),
    // Handed over, ticket times not kept yet: what the report's roll-up job still has to do.
    index('orders_ticket_times_pending_idx')
      .on(t.storeId)
      .where(sql`${t.status} = 'COMPLETED' and not ${t.ticketTimesKept}`),
    check('orders_number_positive', sql`${t.number} > 0`),
    check('orders_version_positive', sql`${t.version} > 0`),
    check('orders_pickup_attempts_nonnegative', sql`${t.pickupCodeAttempts} >= 0`),
    cents('subtotal', t.subtotalCents),
    cents('discount', t.discountCents),
    cents('tax', t.taxCents),
    cents('tip', t.tipCents),
    cents('total', t.totalCents),
    cents('cost', t.costCents),
    cents('fee', t.feeCents),
  ],
);

/** A modifier as it was when the order was placed. */
export interface OrderItemModifier {
  modifierId: string;
  groupName: string;
  name: string;
  kitchenLabel: string;
  priceDeltaCents: number;
}

export const orderItems = pgTable(
  'order_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    menuItemId: uuid().references(() => menuItems.id, { onDelete: 'set null' }),
    stationId: uuid()
      .notNull()
      .references(() => stations.id),
    position: integer().notNull(),
    name: text().notNull(),
    quantity: integer().notNull(),
    unitPriceCents: integer().notNull(),
    unitCostCents: integer().notNull().default(0),
    lineTotalCents: integer().notNull(),
    modifiers: jsonb().$type<OrderItemModifier[]>().notNull().default([]),
    allergens: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text().notNull().default(''),
    prepSeconds: integer().notNull().default(0),
    status: itemStatus().notNull().default('queued'),
    bumpedAt: timestamp({ withTimezone: true }),
    /** Idempotency key of the addition that brought this item (null: the original order). */
    requestKey: text(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.orderId, t.position),
    index().on(t.stationId),
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    check('order_items_unit_price_nonnegative', sql`${t.unitPriceCents} >= 0`),
    check('order_items_unit_cost_nonnegative', sql`${t.unitCostCents} >= 0`),
    check('order_items_line_total_nonnegative', sql`${t.lineTotalCents} >= 0`),
  ],
);

/** Hands out order numbers per store per business day without gaps on rollback. */
export const orderCounters = pgTable(
  'order_counters',
  {
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    businessDate: date().notNull(),
    lastNumber: integer().notNull(),
  },
  (t) => [storeIsolation(t.storeId), primaryKey({ columns: [t.storeId, t.businessDate] })],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderItem = typeof orderItems.$inferSelect;
export type NewOrderItem = typeof orderItems.$inferInsert;
