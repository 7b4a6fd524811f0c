import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { discountKind } from './enums.ts';
import { orders } from './orders.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

export const discountCodes = pgTable(
  'discount_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    /** Stored upper-case; customers may type any case. */
    code: text().notNull(),
    kind: discountKind().notNull(),
    /** Percent (0-100) or cents, by kind. */
    value: integer().notNull(),
    isActive: boolean().notNull().default(true),
    validFrom: timestamp({ withTimezone: true }),
    validUntil: timestamp({ withTimezone: true }),
    /** Uses in all (per code); null: no limit. Spent at placement, given back on cancel or expiry. */
    maxUses: integer(),
    timesUsed: integer().notNull().default(0),
    /** Uses per guest (by phone or email); null: no limit. */
    perGuestLimit: integer(),
    /** The subtotal an order needs before the code applies. */
    minOrderCents: integer().notNull().default(0),
    /** The items it applies to; empty: the whole order. */
    menuItemIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** What staff call it ("Tuesday lunch"), never shown to guests. */
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    storeIsolation(t.storeId),
    unique().on(t.storeId, t.code),
    check('discount_codes_value_nonnegative', sql`${t.value} >= 0`),
    check('discount_codes_percent_max', sql`${t.kind} <> 'percent' OR ${t.value} <= 100`),
    check('discount_codes_times_used_nonnegative', sql`${t.timesUsed} >= 0`),
    check('discount_codes_min_order_nonnegative', sql`${t.minOrderCents} >= 0`),
  ],
);

export type DiscountCode = typeof discountCodes.$inferSelect;

/**
 * One use of a code by one order. The guest is kept as a keyed hash of their phone or email
 * (never the contact itself), enough to count their uses. Released when the order is canceled
 * or expires unpaid: a use that bought nothing is given back.
 */
export const discountRedemptions = pgTable(
  'discount_redemptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    discountCodeId: uuid()
      .notNull()
      .references(() => discountCodes.id),
    orderId: uuid()
      .notNull()
      .unique()
      .references(() => orders.id),
    guestKey: text(),
    releasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [storeIsolation(t.storeId), index().on(t.discountCodeId, t.guestKey)],
);

export type DiscountRedemption = typeof discountRedemptions.$inferSelect;
