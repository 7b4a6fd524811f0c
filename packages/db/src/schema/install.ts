import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores.ts';
import { storeIsolation } from './tenancy.ts';

/**
 * One-time codes for the first-run page, printed in the log of a server that finds no store.
 * Only a hash is kept; every row goes when the first store is created.
 */
export const setupCodes = pgTable('setup_codes', {
  codeHash: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A store's former URL slugs: old QR codes and bookmarks still find it. */
export const storeSlugAliases = pgTable(
  'store_slug_aliases',
  {
    slug: text().primaryKey(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [storeIsolation(t.storeId), index().on(t.storeId)],
);
