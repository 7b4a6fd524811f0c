import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The store the current transaction acts for, as the server stated it with
 * `set_config('kds.store_id', …, true)`; null when it stated none (a setting that a transaction
 * set and ended reads as '' afterwards, hence the `nullif`).
 */
const currentStoreId: SQL = sql`nullif(current_setting('kds.store_id', true), '')::uuid`;

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
const APP_ROLE = 'kds_app';

/**
 * The first statement of a transaction that acts for one store: from here until it ends, it
 * works as `kds_app` and sees that store's rows only. One round trip for both settings.
 */
export const actForStore = (storeId: string): SQL =>
  sql`select set_config('role', ${APP_ROLE}, true), set_config('kds.store_id', ${storeId}, true)`;

/**
 * `actForStore` for the store at a guest's address, found by `kds_store_id_at` (migration
 * 0025) in the same statement: answers `store_id`, null when no store has or had that slug
 * (and then the transaction acts for none).
 */
export const actForStoreAt = (slug: string): SQL =>
  sql`select set_config('role', ${APP_ROLE}, true),
        set_config('kds.store_id', found.id::text, true) as store_id
      from (select kds_store_id_at(${slug}) as id) found`;

/** The server's connections' role: a PostgreSQL pool's startup role, PGlite's session role. */
export const APP_ROLE_NAME = APP_ROLE;

/**
 * The first statement of a transaction that reads or writes across stores by design (sign-in,
 * a tracker by its token, a provider's webhook, the job runners): it works as the database user
 * the server logged in as, the tables' owner, whom the policies do not restrict.
 */
export const WORK_ACROSS_STORES = 'set local role none';

/**
 * The reads that are database functions (migrations 0024 and 0025: across stores by design, or
 * one store's log in one statement): only `kds_app` may call them.
 */
const crossStoreFunctions = [
  'kds_messages_sent_since(text, text, timestamptz)',
  'kds_store_id_at(text)',
  'kds_store_events(uuid, bigint, uuid, integer)',
];

/**
 * `kds_app` and its rights on every table, as the last step of every migration run rather than
 * in a migration: the role belongs to the PostgreSQL cluster, not to the database, and a restore
 * (pg_restore --no-acl, into another cluster) brings back neither. Each statement is idempotent.
 * A database administrator may create the role and the membership beforehand: then the
 * migrating user needs no right to create roles.
 */
export const appRoleStatements: SQL[] = [
  sql.raw(`DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
  END IF;
  -- A superuser passes pg_has_role without being a member, and its superuser right does not
  -- pass to the roles that are members of it: without the grant, a server logging in as such a
  -- role could not take ${APP_ROLE}.
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER')
     OR (
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
       AND NOT EXISTS (
         SELECT FROM pg_auth_members
         WHERE roleid = '${APP_ROLE}'::regrole AND member = current_user::regrole
       )
     ) THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
END
$$`),
  sql.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`),
  sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`),
  sql.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`),
  ...crossStoreFunctions.flatMap((fn) => [
    sql.raw(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`),
    sql.raw(`GRANT EXECUTE ON FUNCTION ${fn} TO ${APP_ROLE}`),
  ]),
];
