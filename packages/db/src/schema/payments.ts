import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { orders } from './orders.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    provider: text().notNull(),
    /** Provider's id (Checkout Session, payment intent); null for cash at the counter. */
    providerRef: text(),
    /** Stripe's PaymentIntent behind a paid session: what a refund is made against. */
    paymentIntentId: text(),
    status: text().notNull(),
    amountCents: integer().notNull(),
    refundedCents: integer().notNull().default(0),
    currency: text().notNull(),
    feeCents: integer(),
    netCents: integer(),
    receiptUrl: text(),
    /** Where the guest pays (a Checkout Session's URL), while the session is open. */
    checkoutUrl: text(),
    expiresAt: timestamp({ withTimezone: true }),
    /** Set when a payment needs a manager: amount mismatch, paid after expiry... */
    flag: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.provider, t.providerRef),
    index().on(t.orderId),
    index().on(t.storeId, t.createdAt),
    check('payments_amount_nonnegative', sql`${t.amountCents} >= 0`),
    check('payments_refunded_range', sql`${t.refundedCents} between 0 and ${t.amountCents}`),
    check('payments_fee_nonnegative', sql`${t.feeCents} is null or ${t.feeCents} >= 0`),
  ],
);

/** Provider events already handled, so a replayed webhook has one effect. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>(),
    outcome: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique().on(t.provider, t.eventId)],
);

export type Payment = typeof payments.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
