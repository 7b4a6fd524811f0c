// Vitest globalSetup: migrate once, then every test file clones the result
// (a PGlite data dump, or a PostgreSQL template database when TEST_DATABASE_URL is set).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDb } from '../client.ts';
import './provided.ts';
import { withDatabase } from './urls.ts';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    // One template per run, so packages can test in parallel against one server.
    const templateDatabase = `kds_template_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${templateDatabase}`);
    await admin.end();
    const template = await createDb({
      driver: 'postgres',
      url: withDatabase(url, templateDatabase),
      maxConnections: 1,
    });
    await template.migrate();
    await template.close();
    project.provide('pgliteDumpPath', '');
    project.provide('templateDatabase', templateDatabase);
    return async () => {
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${templateDatabase} with (force)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kds-pglite-'));
  const handle = await createDb({ driver: 'pglite' });
  await handle.migrate();
  if (!handle.dumpDataDir) throw new Error('the PGlite handle cannot dump its data directory');
  const dump = await handle.dumpDataDir();
  await handle.close();
  const path = join(dir, 'migrated.tar.gz');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', path);
  project.provide('templateDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
