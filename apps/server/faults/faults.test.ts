// Fault injection: two real server processes on one PostgreSQL, kitchen screens on the real
// tRPC client, and the checker comparing what every screen received with the event log.
// Short form in CI (`pnpm test:faults`); the sizes of docs/benchmarks.md with FAULTS=full. Needs
// FAULTS_DATABASE_URL, and restarts PostgreSQL with FAULTS_PG_RESTART (default: pg_ctlcluster).
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { EVENTS_CHANNEL } from '@kds/api';
import { createDb, type DbHandle } from '@kds/db';
import { appendSyntheticEvents } from '@kds/db/testing/synthetic-events';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { rawKitchenSocket } from '../src/test/raw-socket.ts';
import { blackHoleRelay } from '../src/test/relay.ts';
import {
  balancer,
  check,
  demoStore,
  freshDatabase,
  full,
  headSeq,
  loggedEvents,
  placeOrders,
  screen,
  sleep,
  startInstance,
  waitUntil,
  type Instance,
  type Screen,
  type Summary,
} from './cluster.ts';

const SCREENS = full ? 200 : 20;
const STORM = full ? 5_000 : 500;
const RATE = full ? 50 : 20;
// During the storm: every order goes to every screen, and 5,000 screens at 50 orders/s would
// be 250,000 messages a second, a load test of its own (bench/fanout), not a storm.
const STORM_RATE = full ? 2 : 10;

let databaseUrl: string;
let db: DbHandle;
let a: Instance;
let b: Instance;
let store: Awaited<ReturnType<typeof demoStore>>;
const screens: Screen[] = [];

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  a = await startInstance(databaseUrl, 3461);
  b = await startInstance(databaseUrl, 3462);
  store = await demoStore(a, databaseUrl);
  db = await createDb({ driver: 'postgres', url: databaseUrl, maxConnections: 2 });
});
afterAll(async () => {
  for (const s of screens) s.close();
  await db?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

/** `count` screens from the current head, the i-th preferring instances[i % n] while it lives. */
async function openScreens(
  count: number,
  prefer: Instance[],
): Promise<{ from: number; opened: Screen[] }> {
  const from = await headSeq(databaseUrl, store.storeId);
  const fallback = balancer([a, b]);
  const opened: Screen[] = [];
  for (let i = 0; i < count; i++) {
    const home = prefer[i % prefer.length];
    const url = () => (home?.alive ? home.url : fallback());
    opened.push(screen(`screen-${i}`, url, store.token, from));
    if (i % 250 === 249) await sleep(200);
  }
  screens.push(...opened);
  onTestFinished(() => closeAll(opened));
  await allStarted(opened);
  return { from, opened };
}

/** Orders at `perSecond` through the live `instances` until the test ends (pass or fail). */
function startLoad(instances: Instance[], perSecond: number) {
  const load = placeOrders(instances, store.order, perSecond);
  onTestFinished(async () => void (await load.stop()));
  return load;
}

/** Until every screen's subscription runs on the server. */
async function allStarted(opened: Screen[]) {
  await vi.waitFor(() => expect(opened.filter((s) => !s.started)).toHaveLength(0), {
    timeout: 60_000,
    interval: 100,
  });
}

function closeAll(opened: Screen[]) {
  for (const s of opened) s.close();
}

function expectNothingLost(summary: Summary) {
  expect(summary.events).toBeGreaterThan(0);
  expect(summary).toMatchObject({ lost: 0, duplicated: 0, outOfOrder: 0, unexpected: 0 });
  expect(summary.received).toBe(summary.expected);
}

async function restartA() {
  a = await startInstance(databaseUrl, 3461);
}

describe('faults', () => {
  test('kill -9 one of two instances mid-stream: its screens resume on the other with no gap', async () => {
    const { from, opened } = await openScreens(SCREENS, [a, b]);
    const load = startLoad([a, b], RATE);
    await sleep(2000);
    await a.kill();
    onTestFinished(restartA);
    await sleep(3000);
    const placed = await load.stop();
    const summary = await check(
      'kill -9 of one instance',
      databaseUrl,
      store.storeId,
      from,
      opened,
    );
    expectNothingLost(summary);
    expect(placed.ok).toBeGreaterThan(0);
    // The screens that were on the killed instance noticed and came back (on the other).
    expect(opened.filter((s) => s.closes > 0).length).toBeGreaterThanOrEqual(SCREENS / 2);
    closeAll(opened);
  });

  test('PostgreSQL restarts under load: instances reconnect, catch up, nothing lost', async () => {
    const { from, opened } = await openScreens(SCREENS, [a, b]);
    const load = startLoad([a, b], RATE);
    await sleep(2000);
    const startedBefore = await postmasterStart();
    execSync(restartCommand(), { stdio: 'inherit' });
    expect(await postmasterStart()).not.toBe(startedBefore);
    const afterRestart = await headSeq(databaseUrl, store.storeId);
    await sleep(4000);
    const placed = await load.stop();
    // Orders went through again after the restart, and every committed one reached every screen.
    expect(await headSeq(databaseUrl, store.storeId)).toBeGreaterThan(afterRestart);
    const summary = await check('PostgreSQL restart', databaseUrl, store.storeId, from, opened);
    expectNothingLost(summary);
    console.log(
      `[faults] orders during the restart: ${placed.ok} placed, ${placed.failed} refused`,
    );
    closeAll(opened);
  });

  test('the LISTEN connections are killed: the instances re-listen and catch up', async () => {
    // Screens on B, orders through A only: B learns of them only through LISTEN/NOTIFY.
    const { from, opened } = await openScreens(SCREENS, [b]);
    const load = startLoad([a], RATE);
    await sleep(1500);
    const killed = await terminateListeners();
    await sleep(3000);
    await load.stop();
    expect(killed).toBeGreaterThanOrEqual(2);
    const summary = await check(
      'LISTEN connections killed',
      databaseUrl,
      store.storeId,
      from,
      opened,
    );
    expectNothingLost(summary);
    closeAll(opened);
  });

  test('a black-holed link is found dead on both sides within 10 s, and the screen resumes', async () => {
    const link = await blackHoleRelay(a.port);
    const from = await headSeq(databaseUrl, store.storeId);
    const viaRelay = screen('black-holed', () => link.url, store.token, from);
    screens.push(viaRelay);
    await allStarted([viaRelay]);
    const load = startLoad([b], RATE);
    await sleep(1500);
    const cut = Date.now();
    link.blackHoleOpenConnections();
    await waitUntil(
      () => (viaRelay.lastClosedAt ?? 0) >= cut && link.serverClosedAt.some((t) => t > cut),
      20_000,
    );
    const client = (viaRelay.lastClosedAt ?? Infinity) - cut;
    const server = (link.serverClosedAt.find((t) => t > cut) ?? Infinity) - cut;
    console.log(
      `[faults] black hole noticed by the screen after ${client} ms, by the server after ${server} ms`,
    );
    // Keep-alive timers, not speed: the screen pings after 4 s of silence and gives up 2 s
    // later; the server pings after 5 s and gives up 5 s later. Both must fire within 10 s.
    expect(client).toBeLessThanOrEqual(10_000);
    expect(server).toBeLessThanOrEqual(10_000);
    await sleep(2000);
    await load.stop();
    const summary = await check('black-holed link', databaseUrl, store.storeId, from, [viaRelay]);
    expectNothingLost(summary);
    viaRelay.close();
    link.close();
  });

  test(`reconnect storm: ${STORM.toLocaleString('en-US')} screens lose their instance and all catch up on the other`, async () => {
    const { from, opened } = await openScreens(STORM, [a]);
    const load = startLoad([b], STORM_RATE);
    // Everyone connected and following before the instance goes.
    // Everyone following before the instance goes.
    await vi.waitFor(
      async () => {
        const logged = await loggedEvents(databaseUrl, store.storeId, from);
        expect(logged.length).toBeGreaterThan(0);
        expect(opened.filter((s) => s.received.length < logged.length)).toHaveLength(0);
      },
      { timeout: 60_000, interval: 500 },
    );
    await a.kill();
    onTestFinished(restartA);
    const killedAt = Date.now();
    // Caught up = resumed on the other instance and holding the first event committed after
    // the kill (which includes waiting up to one order interval for that event to exist).
    const before = (await loggedEvents(databaseUrl, store.storeId, from)).at(-1) ?? from;
    let first = 0;
    await vi.waitFor(
      async () => {
        first ||= (await loggedEvents(databaseUrl, store.storeId, before))[0] ?? 0;
        expect(first).toBeGreaterThan(0);
        expect(opened.filter((s) => (s.received.at(-1) ?? 0) < first)).toHaveLength(0);
      },
      { timeout: 120_000, interval: 50 },
    );
    const caughtUp = Date.now() - killedAt;
    console.log(
      `[faults] storm: all ${STORM} screens resumed on the other instance and had the first event ` +
        `committed after the kill ${caughtUp} ms after it (${opened.filter((s) => s.closes > 0).length} reconnected)`,
    );
    await sleep(1000);
    await load.stop();
    const summary = await check(
      'reconnect storm',
      databaseUrl,
      store.storeId,
      from,
      opened,
      60_000,
    );
    expectNothingLost(summary);
    closeAll(opened);
  });

  test('a slow consumer is cut off with bounded memory, while the others are unaffected, and resumes later', async () => {
    const { from, opened } = await openScreens(2, [a]);
    const slow = await rawKitchenSocket(a.url, store.token, { lastEventId: String(from) });
    await vi.waitFor(() => expect(slow.messages.length).toBeGreaterThan(0));
    slow.stopReading();
    const rssBefore = await a.metric('kds_process_resident_memory_bytes');
    let sent = 0;
    // 32 KB events until the server cuts the reader that stopped reading (at most 200 MB).
    while ((await a.metric('kds_websocket_slow_consumers_cut_total')) < 1 && sent < 6_400) {
      await appendSyntheticEvents(db.db, {
        storeId: store.storeId,
        count: 50,
        padBytes: 32 * 1024,
        channel: EVENTS_CHANNEL,
      });
      sent += 50;
      await sleep(50);
    }
    const rssAtCut = await a.metric('kds_process_resident_memory_bytes');
    console.log(
      `[faults] slow consumer cut after ${sent} events of 32 KB (${((sent * 32) / 1024).toFixed(0)} MB); ` +
        `server RSS ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAtCut / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(await a.metric('kds_websocket_slow_consumers_cut_total')).toBe(1);
    slow.socket.terminate();
    // Later it comes back from where it was, and gets everything; the others never stopped.
    const back = screen('slow, back', () => a.url, store.token, from);
    screens.push(back);
    const summary = await check(
      'slow consumer',
      databaseUrl,
      store.storeId,
      from,
      [...opened, back],
      60_000,
    );
    expectNothingLost(summary);
    closeAll([...opened, back]);
  });
});

/** When PostgreSQL last started; asked again while the restart drops this test's connection. */
async function postmasterStart(): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = (await db.db.execute(
        sql`select pg_postmaster_start_time()::text as started`,
      )) as unknown as { started: string }[];
      return rows[0]?.started ?? '';
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(250);
    }
  }
}

async function terminateListeners(): Promise<number> {
  const rows = (await db.db.execute(
    sql`select pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = current_database() and query ilike 'listen%'`,
  )) as unknown as { killed: boolean }[];
  return rows.filter((r) => r.killed).length;
}

function restartCommand(): string {
  if (process.env.FAULTS_PG_RESTART) return process.env.FAULTS_PG_RESTART;
  const version = readdirSync('/usr/lib/postgresql').sort((x, y) => Number(y) - Number(x))[0];
  return `pg_ctlcluster --skip-systemctl-redirect ${version} main restart -m fast`;
}
