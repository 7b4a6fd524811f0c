import { existsSync } from 'node:fs';
import { BackupError, backupKindOf, restorePglite, restorePostgres } from '@kds/db';
import { backupFileName, takeBackup } from '../backups.ts';
import { holdDataDir } from '../data-dir-lock.ts';
import type { Env } from '../env.ts';
import { userPath } from '../kds.ts';
import { openDatabase } from '../database.ts';

/** `kds backup [file]`: while the server runs, or not. */
export async function backupCommand(env: Env, args: string[]) {
  const file = userPath(args[0] ?? backupFileName(env, new Date()));
  if (existsSync(file)) throw new BackupError(`${file} exists already: choose another name`);
  const started = Date.now();
  const bytes = await takeBackup(env, file);
  const where = env.DATABASE_URL
    ? 'PostgreSQL (pg_dump)'
    : `the embedded database in ${env.DATA_DIR}`;
  console.log(
    `Backed up ${where} to ${file} (${(bytes / 1e6).toFixed(1)} MB, ${Date.now() - started} ms).`,
  );
}

/**
 * `kds restore <file>`: into a database that holds nothing yet (a new DATA_DIR, or a freshly
 * created PostgreSQL database); then migrations bring it up to this version.
 */
export async function restoreCommand(env: Env, args: string[]) {
  if (!args[0]) throw new BackupError('usage: kds restore <backup file>');
  const file = userPath(args[0]);
  if (!existsSync(file)) throw new BackupError(`${file}: no such file`);
  const kind = await backupKindOf(file);
  if (kind === 'postgres') {
    if (!env.DATABASE_URL) {
      throw new BackupError(
        'this is a PostgreSQL backup: set DATABASE_URL to the (empty) database to restore it into',
      );
    }
    await restorePostgres(env.DATABASE_URL, file);
  } else {
    if (env.DATABASE_URL) {
      throw new BackupError(
        'this is a backup of the embedded database: unset DATABASE_URL and set DATA_DIR to a new folder to restore it into',
      );
    }
    const lock = await holdDataDir(env.DATA_DIR, 'kds restore');
    try {
      await restorePglite(file, env.DATA_DIR);
    } finally {
      await lock.release();
    }
  }
  const { handle, release } = await openDatabase(env, 'kds restore');
  await handle.migrate();
  await handle.close();
  await release();
  const into = env.DATABASE_URL ? 'the PostgreSQL database' : env.DATA_DIR;
  console.log(`Restored ${file} into ${into}. Start the server on it with \`kds start\`.`);
}
