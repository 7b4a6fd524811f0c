import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { PgliteOnThread } from './pglite-worker/client.ts';
import * as schema from './schema/index.ts';
import { sessionRoles, type SessionRole } from './pglite-roles.ts';
import { APP_ROLE_NAME, appRoleStatements } from './schema/tenancy.ts';

export type Schema = typeof schema;
/** Either driver's database; verbs never need to know which one they run on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** A database or an open transaction: what a query helper accepts. */
export type Queryable = Database | Transaction;

/**
 * Raw SQL on either driver, as rows: postgres.js answers with the rows themselves, PGlite with
 * an object that holds them.
 */
export async function executeRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * The server's role and its rights, after the migrations. In one transaction under an advisory
 * lock: instances starting together would otherwise grant on the same catalog rows at once,
 * which PostgreSQL refuses with "tuple concurrently updated".
 */
async function grantAppRole(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kds:grant-app-role'))`);
    for (const statement of appRoleStatements) await tx.execute(statement);
  });
}

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export type DbConfig = (
  | { driver: 'postgres'; url: string; maxConnections?: number; applicationName?: string }
  | {
      driver: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      pglite?: PGlite;
      /** Run PGlite on a thread of its own, so its work never holds the event loop. */
      thread?: boolean;
    }
) & {
  /** The SQL migrations (default: the repository's `drizzle/`; a built server has its own). */
  migrationsFolder?: string;
};

export interface Listener {
  /** Stop listening. */
  close(): Promise<void>;
}

export interface DbHandle {
  /** As the database user of the URL, the tables' owner: migrations, seeding, backups, tests. */
  db: Database;
  /**
   * As `kds_app`, which owns nothing and is subject to row-level security: what the server
   * works in. It sees a store's rows only in a transaction that states the store.
   */
  app: Database;
  driver: DbConfig['driver'];
  /**
   * LISTEN on a channel. `onListen` runs each time the listening connection is (re)established,
   * so a caller can catch up on what it may have missed while it was down.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen: () => void,
  ): Promise<Listener>;
  /**
   * NOTIFY `channel` once per payload, in one statement, outside any transaction, on a
   * connection of its own (a busy pool must not hold back the wake-ups of other instances).
   */
  notify(channel: string, payloads: string[]): Promise<void>;
  /** Backend pids of this handle's LISTEN connections (fault-injection tests). */
  listenBackendPids(): Promise<number[]>;
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test fixtures, backups). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function createDb(config: DbConfig): Promise<DbHandle> {
  const folder = config.migrationsFolder ?? migrationsFolder;
  return config.driver === 'postgres'
    ? createPostgresDb(config, folder)
    : createPgliteDb(config.thread ? await PgliteOnThread.start(config) : config, folder);
}

function createPostgresDb(
  config: { url: string; maxConnections?: number; applicationName?: string },
  migrationsFolder: string,
): DbHandle {
  const client = postgres(config.url, {
    max: config.maxConnections ?? 10,
    onnotice: () => {},
    connection: { application_name: config.applicationName ?? 'kds' },
  });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' });
  // A pool of its own whose connections start as kds_app (connected on first use, so after
  // the migration run that creates the role).
  const appClient = postgres(config.url, {
    max: config.maxConnections ?? 10,
    onnotice: () => {},
    connection: { application_name: config.applicationName ?? 'kds', role: APP_ROLE_NAME },
  });
  const app = drizzlePostgres({ client: appClient, schema, casing: 'snake_case' });
  let notifier: postgres.Sql | undefined;
  return {
    db,
    app,
    driver: 'postgres',
    listen: (channel, onNotify, onListen) => superviseListen(config, channel, onNotify, onListen),
    async notify(channel, payloads) {
      notifier ??= postgres(config.url, {
        max: 1,
        fetch_types: false,
        onnotice: () => {},
        connection: { application_name: config.applicationName ?? 'kds' },
      });
      await notifier.unsafe(notifyStatement(payloads.length), [channel, ...payloads]);
    },
    async listenBackendPids() {
      const rows = await client<{ pid: number }[]>`
        select pid from pg_stat_activity
        where datname = current_database()
          and application_name = current_setting('application_name')
          and query ilike 'listen%'`;
      return rows.map((r) => r.pid);
    },
    migrate: async () => {
      await migratePostgres(db, { migrationsFolder });
      await grantAppRole(db);
    },
    ping: async () => void (await client`select 1`),
    close: async () => {
      await notifier?.end({ timeout: 1 });
      await appClient.end({ timeout: 5 });
      await client.end({ timeout: 5 });
    },
  };
}

/** `select pg_notify($1, $2), pg_notify($1, $3), …`: one round trip for every payload. */
const notifyStatement = (count: number) =>
  `select ${Array.from({ length: count }, (_, i) => `pg_notify($1, $${i + 2})`).join(', ')}`;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * LISTEN on a dedicated connection that is re-established with backoff for as long as it is
 * wanted. (postgres.js re-listens once after a drop and gives up silently if that fails, e.g.
 * while PostgreSQL restarts.) `onListen` runs after every successful LISTEN.
 */
async function superviseListen(
  config: { url: string; applicationName?: string },
  channel: string,
  onNotify: (payload: string) => void,
  onListen: () => void,
): Promise<Listener> {
  let closed = false;
  let delayMs = 100;
  let timer: NodeJS.Timeout | undefined;
  // `onnotify` is read by postgres.js connections (its own listen() uses it) but not typed.
  const options: postgres.Options<Record<string, never>> & {
    onnotify: (name: string, payload: string) => void;
  } = {
    max: 1,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: config.applicationName ?? 'kds' },
    onnotify: (name, payload) => {
      if (name === channel) onNotify(payload);
    },
    onclose: () => {
      if (!closed) schedule();
    },
  };
  const sql = postgres(config.url, options);
  const attempt = async (): Promise<boolean> => {
    try {
      await sql.unsafe(`listen ${quoteIdentifier(channel)}`);
      delayMs = 100;
      onListen();
      return true;
    } catch {
      return false;
    }
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (closed || (await attempt())) return;
      delayMs = Math.min(delayMs * 2, 5_000);
      schedule();
    }, delayMs);
    timer.unref();
  }
  if (!(await attempt())) throw new Error(`could not LISTEN on ${channel}`);
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await sql.end({ timeout: 1 });
    },
  };
}

/** The part of PGlite the handle uses: PGlite itself, or PGlite on a thread of its own. */
type PgliteClient = Pick<PGlite, 'query' | 'listen' | 'close'> & {
  dumpDataDir(compression: 'gzip'): Promise<Blob>;
};

function createPgliteDb(
  config: { dataDir?: string; loadDataDir?: Blob; pglite?: PGlite } | PgliteOnThread,
  migrationsFolder: string,
): DbHandle {
  // One connection for both handles, each taking its role for it when it speaks.
  let client: PgliteClient;
  let roles: Record<SessionRole, Pick<PGlite, 'query' | 'transaction'>>;
  if (config instanceof PgliteOnThread) {
    client = config;
    roles = { owner: config.as('owner'), app: config.as('app') };
  } else {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    const pglite =
      config.pglite ??
      new PGlite({
        ...(config.dataDir ? { dataDir: config.dataDir } : {}),
        ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
        relaxedDurability: false,
      });
    client = pglite;
    roles = sessionRoles(pglite);
  }
  // Drizzle calls `query` and `transaction`, which both handles answer as PGlite does.
  const db = drizzlePglite({ client: roles.owner as PGlite, schema, casing: 'snake_case' });
  const app = drizzlePglite({ client: roles.app as PGlite, schema, casing: 'snake_case' });
  return {
    db,
    app,
    driver: 'pglite',
    async listen(channel, onNotify, onListen) {
      const unlisten = await client.listen(channel, onNotify);
      onListen();
      return { close: () => unlisten() };
    },
    async notify(channel, payloads) {
      await client.query(notifyStatement(payloads.length), [channel, ...payloads]);
    },
    listenBackendPids: async () => [],
    migrate: async () => {
      await migratePglite(db, { migrationsFolder });
      await grantAppRole(db);
    },
    ping: async () => void (await client.query('select 1')),
    // A checkpoint first, so a restore has little to replay.
    dumpDataDir: async () => {
      await roles.owner.query('checkpoint');
      return client.dumpDataDir('gzip');
    },
    close: () => client.close(),
  };
}
