import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { discountKind } from './enums.ts';
import { stores } from './stores.ts';

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
    maxUses: integer(),
    timesUsed: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.storeId, t.code),
    check('discount_codes_value_nonnegative', sql`${t.value} >= 0`),
    check('discount_codes_percent_max', sql`${t.kind} <> 'percent' OR ${t.value} <= 100`),
    check('discount_codes_times_used_nonnegative', sql`${t.timesUsed} >= 0`),
  ],
);

export type DiscountCode = typeof discountCodes.$inferSelect;
