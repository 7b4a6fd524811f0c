import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

/** A hot standby of the test server, streaming from it, on a port of its own. */
export interface StreamingReplica {
  /** The same database on the replica (read only). */
  urlOf(primaryDatabaseUrl: string): string;
  /** Stop applying what it receives (it keeps receiving): the replica falls behind. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a streaming replica of the PostgreSQL server `primaryUrl` is on, the way an operator
 * would: `pg_basebackup -R` from the primary, then the server binaries of the same version on a
 * copy of its data. PostgreSQL refuses to run as root, so as root the work is done as `postgres`.
 * The primary must allow replication connections for the URL's user (Debian's default
 * pg_hba.conf does from 127.0.0.1; a superuser may replicate).
 */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const admin = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  const [{ major } = { major: '' }] = await admin<{ major: string }[]>`
    select (current_setting('server_version_num')::int / 10000)::text as major`;
  await admin.end();
  const bin = (name: string) => join('/usr/lib/postgresql', major, 'bin', name);
  const asPostgres = process.getuid?.() === 0;
  const exec = (file: string, args: string[]) =>
    asPostgres ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);

  const dir = mkdtempSync(join(tmpdir(), 'kds-replica-'));
  if (asPostgres) chownSync(dir, ...(await postgresIds()));
  const data = join(dir, 'data');
  // The URL carries the password: libpq reads it from there.
  await exec(bin('pg_basebackup'), [
    '-d',
    primaryUrl,
    '-D',
    data,
    '--write-recovery-conf',
    '--wal-method=stream',
    '-c',
    'fast',
  ]);
  const port = await freePort();
  // A Debian cluster keeps its configuration outside the data directory: the copy has none.
  writeFileSync(
    join(data, 'postgresql.conf'),
    [
      `listen_addresses = '127.0.0.1'`,
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      `hot_standby = on`,
    ].join('\n'),
  );
  writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 scram-sha-256\n');
  if (asPostgres) {
    const [uid, gid] = await postgresIds();
    for (const file of ['postgresql.conf', 'pg_hba.conf']) chownSync(join(data, file), uid, gid);
  }
  await exec(bin('pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', 'start']);

  const urlOf = (databaseUrl: string) => {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    return url.toString();
  };
  const onReplica = async (statement: string) => {
    const sql = postgres(urlOf(primaryUrl), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end();
    }
  };
  return {
    urlOf,
    pauseReplay: () => onReplica('select pg_wal_replay_pause()'),
    resumeReplay: () => onReplica('select pg_wal_replay_resume()'),
    async stop() {
      await exec(bin('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error(`no postgres user: ${stdout}`);
  return [Number(uid), Number(gid)];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
