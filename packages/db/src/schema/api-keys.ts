import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.ts';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/** What an integration may do with its key; a key holds one or more. */
export const API_SCOPES = ['menu:read', 'orders:read', 'orders:write', 'webhooks:manage'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A store's key for a POS, an aggregator or a script. Only the SHA-256 of the key is kept; its
 * first characters (`prefix`) let a manager tell keys apart. Revoked keys stay for the audit log.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    scopes: text({ enum: API_SCOPES }).array().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    storeIsolation(t.storeId),
    index().on(t.storeId),
    check('api_keys_scopes', sql`cardinality(${t.scopes}) > 0`),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
