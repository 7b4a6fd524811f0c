import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupPostgres, rateLimits, writeBackupFile, type DbHandle } from '@kds/db';
import type { FastifyBaseLogger } from 'fastify';
import { backupThroughServer } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';
import type { Env } from './env.ts';

/** `.tar.gz` for the embedded database, `.dump` (pg_dump custom format) for PostgreSQL. */
export const backupExtension = (env: Pick<Env, 'DATABASE_URL'>) =>
  env.DATABASE_URL ? 'dump' : 'tar.gz';

const stamp = (now: Date) => now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
export const backupFileName = (env: Pick<Env, 'DATABASE_URL'>, now: Date) =>
  `kds-${stamp(now)}.${backupExtension(env)}`;

/**
 * A consistent backup into `file` while the server keeps serving: pg_dump on PostgreSQL; on
 * the embedded database, a snapshot taken by the process that has it open (`handle` inside the
 * server; from the command line, through the running server, or by opening it when none runs).
 */
export async function takeBackup(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>,
  file: string,
  handle?: DbHandle,
): Promise<number> {
  if (env.DATABASE_URL) {
    await backupPostgres(env.DATABASE_URL, file);
    return (await stat(file)).size;
  }
  if (handle?.dumpDataDir) return writeBackupFile(file, await handle.dumpDataDir());
  const viaServer = await backupThroughServer(env.DATA_DIR);
  if (viaServer) return writeBackupFile(file, new Blob([viaServer]));
  // No server has it open: this command opens it (and holds it while it dumps).
  const { handle: own, release } = await openDatabase(env, 'kds backup');
  try {
    if (!own.dumpDataDir) throw new Error('this database cannot be dumped');
    return await writeBackupFile(file, await own.dumpDataDir());
  } finally {
    await own.close();
    await release();
  }
}

/**
 * BACKUP_DIR set: a backup every day at BACKUP_TIME (server's local time), the newest
 * BACKUP_KEEP kept. With several instances on one PostgreSQL, the first to claim the day
 * takes it (a row in the shared counters table), the others skip it.
 */
export function scheduleDailyBackups(env: Env, handle: DbHandle, log: FastifyBaseLogger) {
  if (!env.BACKUP_DIR) return { stop() {} };
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const [hours = 4, minutes = 0] = env.BACKUP_TIME.split(':').map(Number);
    const at = new Date();
    at.setHours(hours, minutes, 0, 0);
    if (at.getTime() <= Date.now()) at.setDate(at.getDate() + 1);
    timer = setTimeout(
      () => void dailyBackup(env, handle, log, new Date()).finally(next),
      at.getTime() - Date.now(),
    );
    timer.unref();
  };
  next();
  return { stop: () => clearTimeout(timer) };
}

/** Today's backup, unless another instance took it; then the old ones beyond BACKUP_KEEP go. */
export async function dailyBackup(
  env: Env,
  handle: DbHandle,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  now: Date,
): Promise<string | null> {
  const dir = env.BACKUP_DIR;
  if (!dir) return null;
  try {
    if (!(await claimDay(handle, now))) return null;
    await mkdir(dir, { recursive: true });
    const file = join(dir, backupFileName(env, now));
    const bytes = await takeBackup(env, file, handle);
    const removed = await pruneBackups(dir, env.BACKUP_KEEP);
    log.info({ file, bytes, removed }, 'daily backup written');
    return file;
  } catch (error) {
    log.error({ err: error }, 'daily backup FAILED: run `kds backup` by hand and check BACKUP_DIR');
    return null;
  }
}

async function claimDay(handle: DbHandle, now: Date): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const claimed = await handle.db
    .insert(rateLimits)
    .values({ key: `backup:${day}`, points: 1, expire: new Date(now.getTime() + 2 * 86_400_000) })
    .onConflictDoNothing()
    .returning({ key: rateLimits.key });
  return claimed.length === 1;
}

/** Keeps the newest `keep` KDS backups in `dir` (by name: they carry their date). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const ours = (await readdir(dir))
    .filter((name) => /^kds-\d{8}-\d{4}\.(tar\.gz|dump)$/.test(name))
    .sort()
    .reverse();
  const old = ours.slice(keep);
  for (const name of old) await rm(join(dir, name));
  return old;
}
