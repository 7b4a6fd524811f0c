import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { executeRows, type Database } from './client.ts';
import * as schema from './schema/index.ts';

/** A PostgreSQL streaming replica that reports and exports read from, and how far behind it is. */
export interface ReadReplica {
  db: Database;
  /**
   * How many seconds of the primary's commits the replica has not applied yet: 0 when it has
   * applied everything it received; null when it is not streaming from the primary (or its
   * receiver is not visible to this user), so a caller cannot know and must not trust it.
   */
  lagSeconds(): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Behind by the age of the last transaction it applied, when it has received more than it has
 * applied. A replica that applied all it received is as fresh as its stream: the primary ships
 * each commit as it is written. The receiver's status needs `pg_read_all_stats` (or superuser):
 * without it the status reads as null, and the replica counts as not streaming.
 */
const lagStatement = sql`
  select case
    when (select status from pg_stat_wal_receiver) is distinct from 'streaming' then null
    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
    else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))
  end::float8 as lag`;

export function openReplica(config: {
  url: string;
  maxConnections?: number;
  applicationName?: string;
}): ReadReplica {
  const client = postgres(config.url, {
    max: config.maxConnections ?? 4,
    onnotice: () => {},
    connection: { application_name: config.applicationName ?? 'kds-reports' },
  });
  const db = drizzle({ client, schema, casing: 'snake_case' });
  return {
    db,
    async lagSeconds() {
      const [row] = await executeRows<{ lag: number | null }>(db, lagStatement);
      return row?.lag ?? null;
    },
    close: () => client.end({ timeout: 5 }),
  };
}
