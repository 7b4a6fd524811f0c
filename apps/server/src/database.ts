import { createDb } from '@kds/db';
import { holdDataDir } from './data-dir-lock.ts';
import type { Env } from './env.ts';
import { paths } from './paths.ts';

/** Opens the database this environment names (and, for the embedded one, takes its folder). */
export async function openDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'> & Partial<Pick<Env, 'DATABASE_POOL_SIZE'>>,
  role: string,
) {
  if (env.DATABASE_URL) {
    const handle = await createDb({
      driver: 'postgres',
      url: env.DATABASE_URL,
      maxConnections: env.DATABASE_POOL_SIZE,
      migrationsFolder: paths.migrations,
    });
    return { handle, release: async () => {} };
  }
  const lock = await holdDataDir(env.DATA_DIR, role);
  // On a thread of its own: PGlite's statements never hold the event loop that serves screens.
  const handle = await createDb({
    driver: 'pglite',
    dataDir: env.DATA_DIR,
    migrationsFolder: paths.migrations,
    thread: true,
  });
  lock.serveBackups(handle);
  return { handle, release: lock.release };
}
