// Exports stream with flat memory: the server's resident memory while it streams every order
// of a range as CSV, JSON and PDF, for 10,000 and 100,000 orders side by side.
// Seeds an embedded PGlite database per size, starts the real server on it, downloads each
// export (reading and discarding the body) and samples the server's RSS every 20 ms.
// Run: pnpm --filter @kds/bench export-memory  [SIZES=10000,100000] [HEAP_MB=96]
//      PG_ADMIN_URL=postgres://kds:kds@localhost:5432/kds ... to run on PostgreSQL instead
//      (the database then lives outside the server's memory, so RSS is ours alone).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '@kds/api';
import { createDb, seedDemo, stations, stores } from '@kds/db';
import { bulkOrders } from '@kds/db/testing/bulk-orders';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { kdsServerArgs } from './server-command.ts';

const PORT = 3297;
const SIZES = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const base = `http://localhost:${PORT}`;

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};

const ADMIN = process.env.PG_ADMIN_URL;

/** A fresh database per size: a PGlite folder, or a new PostgreSQL database. */
async function seeded(count: number): Promise<Record<string, string>> {
  let env: Record<string, string>;
  let handle;
  if (ADMIN) {
    const name = `kds_bench_export_${count}`;
    const admin = postgres(ADMIN, { max: 1 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = Object.assign(new URL(ADMIN), { pathname: `/${name}` }).toString();
    env = { DATABASE_URL: url };
    handle = await createDb({ driver: 'postgres', url });
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'kds-export-'));
    env = { DATA_DIR: dataDir };
    handle = await createDb({ driver: 'pglite', dataDir });
  }
  await handle.migrate();
  await seedDemo(handle.db, { hashPassword });
  const [store] = await handle.db.select().from(stores).where(eq(stores.slug, 'demo'));
  const [grill] = await handle.db.select().from(stations).where(eq(stations.name, 'Grill'));
  await bulkOrders(handle.db, {
    storeId: store?.id ?? '',
    stationId: grill?.id ?? '',
    businessDate: '2026-02-02',
    count,
  });
  await handle.close();
  return env;
}

async function startServer(database: Record<string, string>): Promise<ChildProcess> {
  // Node itself (no wrapper process), so the pid sampled is the server's.
  // HEAP_MB caps the server's JavaScript heap: an export that held its rows would die there.
  const heap = process.env.HEAP_MB ? [`--max-old-space-size=${process.env.HEAP_MB}`] : [];
  const server = spawn(
    process.execPath,
    [...heap, ...kdsServerArgs(new URL('..', import.meta.url).pathname)],
    {
      cwd: new URL('../apps/server', import.meta.url).pathname,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ...database,
        PORT: String(PORT),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${base}/readyz`).catch(() => null);
    if (ready?.ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function download(path: string, token: string, pid: number) {
  const baseline = rssOf(pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
    bytes += chunk.length;
  clearInterval(timer);
  return { status: response.status, ms: performance.now() - started, bytes, baseline, peak };
}

const rows: string[] = [];
for (const size of SIZES) {
  const server = await startServer(await seeded(size));
  process.once('exit', () => server.kill('SIGKILL')); // never leave a server behind
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  // Warm the code paths once, so the first measured export does not pay for loading modules.
  await download('/exports/orders.csv?from=2026-02-02&to=2026-02-02', token, server.pid ?? 0);
  for (const file of ['orders.csv', 'orders.json', 'orders.pdf', 'order-items.csv']) {
    const r = await download(
      `/exports/${file}?from=2026-02-02&to=2026-02-02`,
      token,
      server.pid ?? 0,
    );
    if (r.status !== 200) throw new Error(`${file}: ${r.status}`);
    rows.push(
      `| ${size.toLocaleString('en-US')} | ${file} | ${(r.bytes / 1e6).toFixed(1)} MB | ${(r.ms / 1000).toFixed(1)} s | ${r.baseline.toFixed(0)} MiB | ${r.peak.toFixed(0)} MiB | ${(r.peak - r.baseline).toFixed(0)} MiB |`,
    );
    console.log(rows.at(-1));
  }
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
}
console.log('\n| orders | export | size | time | server RSS before | peak RSS | growth |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
