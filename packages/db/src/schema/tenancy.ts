import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The store the current transaction acts for, as the server stated it with
 * `set_config('kds.store_id', …, true)`; null when it stated none (a setting that a transaction
 * set and ended reads as '' afterwards, hence the `nullif`).
 */
export const currentStoreId: SQL = sql`nullif(current_setting('kds.store_id', true), '')::uuid`;

/**
 * Row-level security for a table of one store's data: a role that does not own the table (the
 * server's `kds_app`) reads, adds, changes and removes only the rows of the store its
 * transaction stated, and nothing at all in a transaction that stated none. The owner, which
 * runs the migrations and the backups, is not subject to it.
 */
export const storeIsolation = (storeId: AnyPgColumn) =>
  pgPolicy('store_isolation', {
    as: 'permissive',
    for: 'all',
    to: 'public',
    using: sql`${storeId} = ${currentStoreId}`,
    withCheck: sql`${storeId} = ${currentStoreId}`,
  });

/** The role the server works as: it owns no table, so the policies apply to it. */
export const APP_ROLE = 'kds_app';

/**
 * The first statement of a transaction that acts for one store: from here until it ends, it
 * works as `kds_app` and sees that store's rows only. One round trip for both settings.
 */
export const actForStore = (storeId: string): SQL =>
  sql`select set_config('role', ${APP_ROLE}, true), set_config('kds.store_id', ${storeId}, true)`;
