// What a measured window cost: CPU seconds of each process (from /proc, Linux), the resident
// memory of the servers, and the database's work (commits, rows written, WAL) from its
// statistics views. The capacity model in docs/scaling.md is built from these.
import { readdirSync, readFileSync } from 'node:fs';
import postgres from 'postgres';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux that matters). */
const TICKS = 100;

function cpuOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
  } catch {
    return 0;
  }
}

/** CPU seconds of every process named `postgres` (the server and its backends). */
function postgresCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuOf(pid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

interface DbCounters {
  commits: number;
  inserted: number;
  updated: number;
  deleted: number;
  walRecords: number;
  walBytes: number;
  connections: number;
}

async function dbCounters(sql: postgres.Sql): Promise<DbCounters> {
  const [row] = await sql<Record<keyof DbCounters, string>[]>`
    select d.xact_commit as commits, d.tup_inserted as inserted, d.tup_updated as updated,
      d.tup_deleted as deleted, w.wal_records as "walRecords", w.wal_bytes as "walBytes",
      (select count(*) from pg_stat_activity where datname = current_database()
        and pid <> pg_backend_pid()) as connections
    from pg_stat_database d, pg_stat_wal w where d.datname = current_database()`;
  if (!row) throw new Error('no statistics for this database');
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as never;
}

export interface Window {
  /** Ends the window: what it cost. */
  end(): Promise<{
    seconds: number;
    serverCpu: number[];
    postgresCpu: number;
    loadCpu: number;
    db: DbCounters | null;
  }>;
}

/**
 * Starts a measured window over the server processes `pids` (and PostgreSQL at `databaseUrl`,
 * when given). The database's statistics reach its views within a second of each commit, so
 * the caller should let the system settle a second before starting and before ending.
 */
export async function measureWindow(pids: number[], databaseUrl?: string): Promise<Window> {
  const sql = databaseUrl ? postgres(databaseUrl, { max: 1, onnotice: () => {} }) : null;
  const before = {
    at: performance.now(),
    server: pids.map(cpuOf),
    postgres: postgresCpu(),
    load: process.cpuUsage(),
    db: sql ? await dbCounters(sql) : null,
  };
  return {
    async end() {
      const db = sql ? await dbCounters(sql) : null;
      await sql?.end();
      const load = process.cpuUsage(before.load);
      return {
        seconds: (performance.now() - before.at) / 1000,
        serverCpu: pids.map((pid, i) => cpuOf(pid) - (before.server[i] ?? 0)),
        postgresCpu: postgresCpu() - before.postgres,
        loadCpu: (load.user + load.system) / 1e6,
        db:
          db && before.db
            ? {
                commits: db.commits - before.db.commits,
                inserted: db.inserted - before.db.inserted,
                updated: db.updated - before.db.updated,
                deleted: db.deleted - before.db.deleted,
                walRecords: db.walRecords - before.db.walRecords,
                walBytes: db.walBytes - before.db.walBytes,
                connections: db.connections,
              }
            : null,
      };
    },
  };
}
