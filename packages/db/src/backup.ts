import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/**
 * Backups of either database, taken while the server keeps serving.
 *
 * - Embedded PGlite: a gzip tarball of the data directory, taken by the running instance
 *   between two statements (PGlite runs one at a time), so it is the state of one moment;
 *   restoring it is like starting after a power cut at that moment, which PostgreSQL recovers
 *   from by design. It restores into the same PGlite version's data directory.
 * - PostgreSQL: `pg_dump` custom format (one snapshot, consistent), restored with `pg_restore`.
 */
export type BackupKind = 'pglite' | 'postgres';

const GZIP = [0x1f, 0x8b];
const PG_CUSTOM = Buffer.from('PGDMP');

/** Which database a backup file is of, from its first bytes. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead >= 2 && buffer[0] === GZIP[0] && buffer[1] === GZIP[1]) return 'pglite';
    if (bytesRead === 5 && buffer.equals(PG_CUSTOM)) return 'postgres';
  } finally {
    await handle.close();
  }
  throw new BackupError(
    `${file} is not a KDS backup (neither an embedded-database tarball nor a pg_dump archive)`,
  );
}

/** A problem the operator can act on; its message is meant for them. */
export class BackupError extends Error {}

/** Restores an embedded-database backup into `dataDir`, which must not hold a database yet. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).some((name) => !name.startsWith('.'))) {
    throw new BackupError(
      `${dataDir} is not empty: restore into a new DATA_DIR (nothing is ever overwritten)`,
    );
  }
  const tarball = new Blob([await readFile(file)], { type: 'application/x-gzip' });
  const pglite = await PGlite.create({ dataDir, loadDataDir: tarball, relaxedDurability: false });
  await pglite.query('checkpoint');
  await pglite.close();
}

/** The connection string without its password, and the password for libpq's environment. */
function libpqTarget(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} is not installed: install the PostgreSQL client tools of your server's version (e.g. apt-get install postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed: ${stderr.trim()}`)),
    );
  });
}

/** `pg_dump` custom format of the whole database into `file` (the password never in argv). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = libpqTarget(url);
  const partial = `${file}.partial`;
  try {
    await run('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Restores a `pg_dump` archive into the database at `url`, which must have no tables yet. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`;
    if ((row?.n ?? 0) > 0) {
      throw new BackupError(
        'that database is not empty: restore into a new one (createdb kds_restored), nothing is ever overwritten',
      );
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  const { dbname, env } = libpqTarget(url);
  await run(
    'pg_restore',
    [
      '--no-owner',
      '--no-acl',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}

/** Writes a PGlite tarball to `file` without leaving half a file behind on failure. */
export async function writeBackupFile(file: string, data: Blob): Promise<number> {
  const bytes = Buffer.from(await data.arrayBuffer());
  await writeFile(`${file}.partial`, bytes, { mode: 0o600 });
  await rename(`${file}.partial`, file);
  return bytes.length;
}
