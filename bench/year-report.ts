// The report over a year of a busy store: 366 days of 1,000 orders a day (two lines each, four
// to six events: placed, an item bump, READY, completed, and for one order in fifty a recall
// and a second READY; half paid online with a card fee, some refunded). The real server is
// started on it and the manager's report for the whole year is asked for over HTTP, sampling
// the server's RSS every 20 ms. BEFORE=<worktree of an earlier commit> runs that version's
// server on the same database too, side by side.
// Run: PG_ADMIN_URL=postgres://kds:kds@localhost:5432/kds pnpm --filter @kds/bench year-report
//      [DAYS=366 PER_DAY=1000 RUNS=3 BEFORE=/tmp/before]   (without PG_ADMIN_URL: embedded PGlite)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword, keepPendingTicketTimes } from '@kds/api';
import { createDb, executeRows, seedDemo, stations, stores, type Database } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { waitReady } from './fanout/clients.ts';
import { kdsServerArgs } from './server-command.ts';

const PORT = 3298;
const DAYS = Number(process.env.DAYS ?? 366);
const PER_DAY = Number(process.env.PER_DAY ?? 1000);
const RUNS = Number(process.env.RUNS ?? 3);
const ADMIN = process.env.PG_ADMIN_URL;
const FIRST = '2025-12-01';
const base = `http://localhost:${PORT}`;
const root = new URL('..', import.meta.url).pathname;

const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A year of orders, their lines, events and payments, a month per statement. */
async function seedYear(db: Database) {
  const [store] = await db.select().from(stores).where(eq(stores.slug, 'demo'));
  const stationRows = await db.select().from(stations);
  const storeId = store?.id ?? '';
  const tz = store?.timezone ?? 'UTC';
  const grill = stationRows.find((s) => s.name === 'Grill')?.id ?? '';
  const fry = stationRows.find((s) => s.name === 'Fry')?.id ?? '';
  let seq = store?.eventSeq ?? 0;
  for (let day = 0; day < DAYS; day += 30) {
    const first = new Date(Date.parse(FIRST) + day * 86_400_000).toISOString().slice(0, 10);
    const days = Math.min(30, DAYS - day);
    const appended = await executeRows(
      db,
      sql`
      with o as (
        insert into orders (store_id, number, business_date, tracking_token, status, payment_status,
          payment_method, fulfilment, customer_name, subtotal_cents, tax_cents, tip_cents,
          total_cents, cost_cents, idempotency_key, request_hash, created_at, placed_at, completed_at)
        select ${storeId}, n, d::date, md5(d::text || n || ${storeId}), 'COMPLETED', 'paid',
          case when n % 2 = 0 then 'online'::payment_method else 'counter'::payment_method end,
          'pickup', 'Guest', 2100, 173, case when n % 5 = 0 then 200 else 0 end,
          2273 + case when n % 5 = 0 then 200 else 0 end, 560, 'year-' || d::date || '-' || n, 'bench',
          (d::date + time '10:30' + n * interval '43 seconds') at time zone ${tz},
          (d::date + time '10:30' + n * interval '43 seconds') at time zone ${tz},
          (d::date + time '10:45' + n * interval '43 seconds') at time zone ${tz}
        from generate_series(${first}::date, ${first}::date + ${days - 1}::int, interval '1 day') as d,
          generate_series(1, ${PER_DAY}) as n
        returning id, number, created_at
      ),
      i as (
        insert into order_items (order_id, store_id, station_id, position, name, quantity,
          unit_price_cents, unit_cost_cents, line_total_cents, status)
        select o.id, ${storeId}, x.station, x.pos, x.name, 1, x.price, x.cost, x.price, 'done'
        from o cross join (values (0, 'Classic Burger', ${grill}::uuid, 1200, 380),
          (1, 'Fries', ${fry}::uuid, 900, 180)) as x(pos, name, station, price, cost)
        returning id, order_id, station_id, name, position
      ),
      t as (
        select order_id,
          jsonb_agg(jsonb_build_object('id', id, 'stationId', station_id, 'name', name)) as items,
          (array_agg(id order by position desc))[1] as fries
        from i group by order_id
      ),
      ev as (
        select o.id as order_id, o.created_at + e.after + (random() * 120) * interval '1 second' as at,
          e.ord, e.kind,
          case e.kind
            when 'order.placed' then jsonb_build_object('ticket', jsonb_build_object('items', t.items))
            when 'ticket.item_bumped' then jsonb_build_object('itemIds', jsonb_build_array(t.fries))
            else '{}'::jsonb end as payload
        from o join t on t.order_id = o.id
        cross join (values (0, 'order.placed', interval '0'), (1, 'ticket.item_bumped', interval '4 min'),
          (2, 'ticket.bumped', interval '8 min'), (3, 'ticket.recalled', interval '11 min'),
          (4, 'ticket.bumped', interval '13 min'), (5, 'order.completed', interval '16 min'))
          as e(ord, kind, after)
        where e.ord not in (3, 4) or o.number % 50 = 0
      )
      insert into order_events (store_id, seq, type, order_id, actor_kind, payload, created_at)
      select ${storeId}, ${seq} + row_number() over (order by order_id, ord), kind, order_id,
        'system', payload, at + ord * interval '1 second'
      from ev
      returning seq
    `,
    );
    seq += appended.length;
    await db.execute(sql`
      insert into payments (store_id, order_id, provider, provider_ref, status, amount_cents,
        currency, fee_cents, refunded_cents)
      select store_id, id, 'stripe', 'cs_' || id, 'paid', total_cents, 'USD', 96,
        case when number % 20 = 0 then 500 else 0 end
      from orders
      where store_id = ${storeId} and payment_method = 'online'
        and business_date between ${first}::date and ${first}::date + ${days - 1}::int
    `);
    process.stdout.write(`seeded ${day + days} of ${DAYS} days\r`);
  }
  await db.update(stores).set({ eventSeq: seq }).where(eq(stores.id, storeId));
  console.log(`\nseeded ${DAYS * PER_DAY} orders, ${seq} events`);
}

async function database(): Promise<Record<string, string>> {
  if (ADMIN) {
    const admin = postgres(ADMIN, { max: 1, onnotice: () => {} });
    await admin.unsafe('drop database if exists kds_year_report with (force)');
    await admin.unsafe('create database kds_year_report');
    await admin.end();
    const url = Object.assign(new URL(ADMIN), { pathname: '/kds_year_report' }).toString();
    const handle = await createDb({ driver: 'postgres', url });
    await handle.migrate();
    await seedDemo(handle.db, { hashPassword });
    await seedYear(handle.db);
    await handle.db.execute(sql`analyze`);
    await handle.close();
    return { DATABASE_URL: url };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-year-'));
  const handle = await createDb({ driver: 'pglite', dataDir });
  await handle.migrate();
  await seedDemo(handle.db, { hashPassword });
  await seedYear(handle.db);
  await handle.close();
  return { DATA_DIR: dataDir };
}

async function startServer(dir: string, env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, kdsServerArgs(dir), {
    cwd: join(dir, 'apps/server'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      ...env,
      PORT: String(PORT),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitReady(`${base}/readyz`);
  return server;
}

async function measure(label: string, dir: string, env: Record<string, string>) {
  const server = await startServer(dir, env);
  process.once('exit', () => server.kill('SIGKILL'));
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@demo.test', password: 'demo' }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  const last = new Date(Date.parse(FIRST) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const ask = async (to: string) => {
    const input = encodeURIComponent(JSON.stringify({ from: FIRST, to }));
    const baseline = rssOf(server.pid ?? 0);
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(server.pid ?? 0))), 20);
    const started = performance.now();
    const response = await fetch(`${base}/trpc/report.summary?input=${input}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { result?: { data: { orders: number } } };
    const ms = performance.now() - started;
    clearInterval(timer);
    if (!body.result) throw new Error(`${label}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, growth: peak - baseline, orders: body.result.data.orders, baseline };
  };
  await ask(FIRST); // load the code paths once
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await ask(last));
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const row = `| ${label} | ${runs[0]?.orders.toLocaleString('en-US')} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} | ${median(runs.map((r) => r.baseline)).toFixed(0)} MiB | ${median(runs.map((r) => r.growth)).toFixed(0)} MiB |`;
  console.log(row);
  return row;
}

/** What the server's job does with a history from before ticket times were kept: keeps them. */
async function keepHistory(env: Record<string, string>) {
  const handle = await createDb(
    env.DATABASE_URL
      ? { driver: 'postgres', url: env.DATABASE_URL }
      : { driver: 'pglite', dataDir: env.DATA_DIR ?? '' },
  );
  const started = performance.now();
  let kept = 0;
  for (let n = 1; n > 0; kept += n)
    n = await keepPendingTicketTimes(handle.db, { budgetMs: 60_000 });
  if (env.DATABASE_URL) await handle.db.execute(sql`analyze`);
  await handle.close();
  const line = `ticket times of ${kept.toLocaleString('en-US')} orders kept in ${((performance.now() - started) / 1000).toFixed(1)} s`;
  console.log(line);
  return line;
}

const env = await database();
const rows = [];
if (process.env.BEFORE) rows.push(await measure('before (replayed)', process.env.BEFORE, env));
const kept = await keepHistory(env);
rows.push(await measure('after (kept)', root, env));
console.log(
  `\n${ADMIN ? 'PostgreSQL 15' : 'PGlite'}, ${DAYS} days x ${PER_DAY} orders, ${RUNS} runs`,
);
console.log('| version | orders | median | runs | server RSS before | peak RSS growth (median) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(kept);
