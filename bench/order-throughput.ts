// Order throughput end to end: counter orders placed through the API as fast as CONCURRENCY
// clients can, spread over STORES stores whose kitchen screens (SCREENS each, spread over the
// instances) are all subscribed. Reports orders per second and, per order, the time from its
// event being appended in the placing transaction to the last of its store's screens having it.
// PostgreSQL with two instances (PG_ADMIN_URL), or embedded PGlite with one; then, on
// PostgreSQL, pgbench running the same statements as one placement, as the database's limit.
// Run: pnpm --filter @kds/bench order-throughput   [PG_ADMIN_URL=postgres://... STORES=20
//      SCREENS=2 CONCURRENCY=32 DURATION=20 INSTANCES=2 POOL=10; RATE=n for an open loop]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '@kds/api';
import { createDb, demoStaff, seedDemo, seedStore } from '@kds/db';
import postgres from 'postgres';
import { measureWindow, rssMiB } from './resources.ts';
import { kdsServerArgs } from './server-command.ts';
import {
  kdsSetup,
  q,
  serverLoopDelay,
  sleep,
  trpcClient,
  waitReady,
  type Client,
} from './fanout/clients.ts';

const ADMIN = process.env.PG_ADMIN_URL;
const STORES = Number(process.env.STORES ?? 20);
const SCREENS = Number(process.env.SCREENS ?? 2);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const SECONDS = Number(process.env.DURATION ?? 20);
const INSTANCES = Number(process.env.INSTANCES ?? (ADMIN ? 2 : 1));
const POOL = Number(process.env.POOL ?? 10);
const RATE = Number(process.env.RATE ?? 0);
const root = new URL('..', import.meta.url).pathname;
const slugs = Array.from({ length: STORES }, (_, i) => (i === 0 ? 'demo' : `bench-${i}`));

async function prepareDatabase(): Promise<Record<string, string>> {
  let config: Parameters<typeof createDb>[0];
  let env: Record<string, string>;
  if (ADMIN) {
    const admin = postgres(ADMIN, { max: 1, onnotice: () => {} });
    await admin.unsafe('drop database if exists kds_throughput with (force)');
    await admin.unsafe('create database kds_throughput');
    await admin.end();
    const url = new URL(ADMIN);
    url.pathname = '/kds_throughput';
    config = { driver: 'postgres', url: url.toString() };
    env = { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: String(POOL) };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'kds-throughput-'));
    config = { driver: 'pglite', dataDir };
    env = { DATA_DIR: dataDir };
  }
  const handle = await createDb(config);
  await handle.migrate();
  await seedDemo(handle.db, { hashPassword });
  for (const slug of slugs.slice(1)) {
    const staff = demoStaff.map((person) => ({
      ...person,
      email: person.email.replace('@demo.test', `@${slug}.test`),
    }));
    await seedStore(handle.db, { hashPassword, slug, name: `Bench ${slug}`, staff });
  }
  await handle.close();
  return env;
}

function startInstance(port: number, env: Record<string, string>): ChildProcess {
  // PROFILE=dir writes each instance's CPU profile there when it stops.
  const profile = process.env.PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`]
    : [];
  return spawn(process.execPath, [...profile, ...kdsServerArgs(root)], {
    cwd: join(root, 'apps/server'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
      // Every simulated screen connects from this one machine.
      WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const env = await prepareDatabase();
const ports = Array.from({ length: INSTANCES }, (_, i) => 3421 + i);
const servers = ports.map((port) => startInstance(port, env));
process.once('exit', () => servers.forEach((s) => s.kill('SIGKILL')));
for (const port of ports) await waitReady(`http://127.0.0.1:${port}/readyz`);

// Per store: a sign-in, the Fries order it places, and SCREENS kitchen screens over the instances.
const received = new Map<string, { count: number; latest: number }>();
let duplicates = 0;
const stores = await Promise.all(
  slugs.map((slug) => kdsSetup(ports[0] ?? 0, slug, `kitchen@${slug}.test`)),
);
const screens: Client[] = [];
for (const [s, store] of stores.entries()) {
  for (let i = 0; i < SCREENS; i++) {
    const port = ports[(s * SCREENS + i) % ports.length] ?? 0;
    const seen = new Set<number>();
    screens.push(
      await trpcClient(port, store.token, (text, now) => {
        const event = (
          JSON.parse(text) as {
            result: { data: { data: { seq: number; at: string; storeId: string; type: string } } };
          }
        ).result.data.data;
        if (event.type !== 'order.placed') return;
        if (seen.has(event.seq)) duplicates++;
        seen.add(event.seq);
        const key = `${event.storeId}:${event.seq}`;
        const entry = received.get(key) ?? { count: 0, latest: 0 };
        entry.count += 1;
        entry.latest = Math.max(entry.latest, now - Date.parse(event.at));
        received.set(key, entry);
      }),
    );
  }
}
await sleep(1000);

const placeLatency: number[] = [];
let ok = 0;
let failed = 0;
let turn = 0;
async function placeOne() {
  const n = turn++;
  const store = stores[n % stores.length];
  const port = ports[n % ports.length];
  if (!store || !port) return;
  const t0 = performance.now();
  const response = await store.place(port).catch(() => null);
  placeLatency.push(performance.now() - t0);
  if (response?.ok) ok++;
  else failed++;
  await response?.arrayBuffer();
}
// Warm-up (code paths compiled, pools filled), not counted.
const warmUntil = performance.now() + 3000;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (performance.now() < warmUntil) await placeOne();
  }),
);
// A second and a half: the warm-up's statistics reach the database's views before the window.
await sleep(1500);
placeLatency.length = 0;
ok = 0;
failed = 0;
received.clear();
// Reading the first instance's /metrics now resets its event-loop delay histogram.
await serverLoopDelay(ports[0] ?? 0);
const window = await measureWindow(
  servers.map((s) => s.pid ?? 0),
  env.DATABASE_URL,
);
const started = performance.now();
const until = started + SECONDS * 1000;
if (RATE) {
  // Open loop: RATE orders a second whatever the server's answers, to read latency below saturation.
  const inFlight: Promise<void>[] = [];
  for (let i = 0; started + (i * 1000) / RATE < until; i++) {
    await sleep(Math.max(0, started + (i * 1000) / RATE - performance.now()));
    inFlight.push(placeOne());
  }
  await Promise.all(inFlight);
} else {
  // Closed loop: CONCURRENCY clients, each placing its next order as soon as the last returns.
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) await placeOne();
    }),
  );
}
const elapsed = (performance.now() - started) / 1000;
await sleep(1000);
const cost = await window.end();
const loop = await serverLoopDelay(ports[0] ?? 0);
const deadline = Date.now() + 15_000;
const delivered = () => [...received.values()].reduce((sum, e) => sum + e.count, 0);
while (delivered() < ok * SCREENS && Date.now() < deadline) await sleep(100);
screens.forEach((s) => s.close());

const toLast = [...received.values()].map((e) => e.latest).sort((a, b) => a - b);
const place = placeLatency.sort((a, b) => a - b);
const load = RATE ? `${RATE}/s offered` : `${CONCURRENCY} clients`;
const database = ADMIN ? 'PostgreSQL 15' : 'PGlite (embedded)';
console.log(
  `\n${database}, ${INSTANCES} instance(s), ${STORES} stores x ${SCREENS} screens, ${RATE ? `${RATE} orders/s offered` : `${CONCURRENCY} clients`}, ${SECONDS} s`,
);
console.log(
  '| database | instances | load | orders placed | refused | orders/s | place p50 | place p99 | commit to last screen p50 | p99 | max | loop delay p99 / max | screen deliveries | duplicates |',
);
console.log(
  `| ${database} | ${INSTANCES} | ${load} | ${ok.toLocaleString('en-US')} | ${failed} | ${Math.round(ok / elapsed)} | ${q(place, 50).toFixed(1)} | ${q(place, 99).toFixed(1)} | ${q(toLast, 50)} | ${q(toLast, 99)} | ${toLast.at(-1)} | ${loop.p99.toFixed(1)} / ${loop.max.toFixed(1)} ms | ${delivered().toLocaleString('en-US')}/${(ok * SCREENS).toLocaleString('en-US')} | ${duplicates} |`,
);
printCost(ok);
servers.forEach((s) => s.kill('SIGTERM'));
await sleep(1000);

if (ADMIN && env.DATABASE_URL) {
  // The same statements as one placement, straight from pgbench: the database's own limit,
  // with the wake-up NOTIFY after commit (as KDS sends it) and inside the transaction (before).
  for (const notify of ['after commit', 'in the transaction'] as const) {
    const script = join(mkdtempSync(join(tmpdir(), 'kds-pgbench-')), 'place.sql');
    writeFileSync(script, pgbenchScript(STORES, notify));
    const run = spawnSync(
      'pgbench',
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(CONCURRENCY),
        '-j',
        '2',
        '-T',
        String(SECONDS),
        '-f',
        script,
        env.DATABASE_URL,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `/usr/lib/postgresql/15/bin:${process.env.PATH}` },
      },
    );
    const tps = /tps = ([\d.]+)/.exec(run.stdout)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1];
    const failedTx = /number of failed transactions: (\d+)/.exec(run.stdout)?.[1];
    if (!tps) console.log(run.stdout, run.stderr);
    console.log(
      `| pgbench, same statements, NOTIFY ${notify} | - | ${CONCURRENCY} clients | - | ${failedTx ?? '?'} | ${Math.round(Number(tps))} | avg ${latency} | | | | | | |`,
    );
  }
}
process.exit(0);

/** What the window cost, per order and per CPU-second: the capacity model's inputs. */
function printCost(orders: number) {
  const serverCpu = cost.serverCpu.reduce((a, b) => a + b, 0);
  const per = (n: number) => (n / orders).toFixed(2);
  console.log(
    `\ncost of the window (${cost.seconds.toFixed(1)} s): server CPU ${cost.serverCpu.map((s) => s.toFixed(1)).join(' + ')} s, PostgreSQL CPU ${cost.postgresCpu.toFixed(1)} s, load generator CPU ${cost.loadCpu.toFixed(1)} s`,
  );
  console.log(
    '| orders | orders per server CPU-second | orders per PostgreSQL CPU-second | server RSS MiB (each) | database connections | per order: commits | rows inserted | rows updated | WAL records | WAL KiB |',
  );
  const db = cost.db;
  console.log(
    `| ${orders.toLocaleString('en-US')} | ${Math.round(orders / serverCpu)} | ${db ? Math.round(orders / cost.postgresCpu) : '(in the server)'} | ${servers.map((s) => rssMiB(s.pid ?? 0).toFixed(0)).join(', ')} | ${db?.connections ?? '-'} | ${db ? per(db.commits) : '-'} | ${db ? per(db.inserted) : '-'} | ${db ? per(db.updated) : '-'} | ${db ? per(db.walRecords) : '-'} | ${db ? (db.walBytes / orders / 1024).toFixed(1) : '-'} |`,
  );
}

/** One counter order as `order.place` issues it (statement for statement, see its SQL log). */
function pgbenchScript(stores: number, notify: 'after commit' | 'in the transaction'): string {
  const wake = "SELECT pg_notify('kds_events', (:store_id)::text || ':' || (:seq)::text);";
  return `\\set k random(0, ${stores - 1})
SELECT id AS store_id FROM stores ORDER BY slug OFFSET :k LIMIT 1 \\gset
SELECT id AS item_id, station_id FROM menu_items WHERE store_id = :store_id AND name = 'Fries' \\gset
SELECT * FROM stores WHERE id = :store_id;
BEGIN;
INSERT INTO order_counters (store_id, business_date, last_number) VALUES (:store_id, current_date, 1)
  ON CONFLICT (store_id, business_date) DO UPDATE SET last_number = order_counters.last_number + 1
  RETURNING last_number AS number \\gset
SELECT * FROM menu_items WHERE store_id = :store_id AND id IN (:item_id) FOR SHARE;
SELECT * FROM modifier_groups WHERE menu_item_id IN (:item_id);
SELECT * FROM modifiers WHERE group_id IN (SELECT id FROM modifier_groups WHERE menu_item_id = :item_id);
INSERT INTO orders (store_id, number, business_date, tracking_token, status, payment_status, payment_method,
  fulfilment, table_label, customer_name, subtotal_cents, tax_cents, total_cents, cost_cents,
  idempotency_key, request_hash, placed_at)
  VALUES (:store_id, :number, current_date, md5(random()::text), 'PLACED', 'at_counter', 'counter',
  'dine_in', '7', 'Bench', 399, 35, 434, 90, md5(random()::text), md5(random()::text), now())
  RETURNING id AS order_id \\gset
INSERT INTO order_items (order_id, store_id, menu_item_id, station_id, position, name, quantity,
  unit_price_cents, unit_cost_cents, line_total_cents, modifiers, allergens)
  VALUES (:order_id, :store_id, :item_id, :station_id, 0, 'Fries', 1, 399, 90, 399, '[]', '{}');
SELECT id, url, event_types FROM webhook_endpoints WHERE store_id = :store_id AND active;
UPDATE stores SET event_seq = event_seq + 1 WHERE id = :store_id RETURNING event_seq AS seq \\gset
INSERT INTO order_events (store_id, seq, type, order_id, actor_kind, payload, created_at)
  VALUES (:store_id, :seq, 'order.placed', :order_id, 'customer', '${JSON.stringify({ ticket: { number: 1, items: Array.from({ length: 3 }, (_, i) => ({ id: i, name: 'Fries', quantity: 1, stationId: null, modifiers: ['SALT'] })), customerName: 'Bench', fulfilment: 'dine_in', table: '7' } }).replaceAll('":', '": ')}', now());
${notify === 'in the transaction' ? `${wake}\nCOMMIT;` : `COMMIT;\n${wake}`}
`;
}
