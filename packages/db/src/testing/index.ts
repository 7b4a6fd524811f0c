import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../client.ts';
import './provided.ts';
import { withDatabase } from './urls.ts';

export interface TestDb extends DbHandle {
  /** PostgreSQL only: the URL of this test's own database, to open more instances on it. */
  url: string | undefined;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * PostgreSQL database cloned from the migrated template when TEST_DATABASE_URL is set.
 */
export async function createTestDb(options: { applicationName?: string } = {}): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = readFileSync(inject('pgliteDumpPath'));
    const handle = await createDb({ driver: 'pglite', loadDataDir: new Blob([dump]) });
    return { ...handle, url: undefined };
  }
  const name = `kds_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('templateDatabase')}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const handle = await createDb({ driver: 'postgres', url, ...options });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
export { bulkOrders } from './bulk-orders.ts';
