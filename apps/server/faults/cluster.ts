// The fault suite's parts: real server processes on one PostgreSQL, kitchen screens using the
// real tRPC client (reconnecting and resuming as the kitchen app does), load, and the checker
// that compares what every screen received with the event log.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AppRouter } from '@kds/api';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import postgres from 'postgres';
import { promptClosing } from '@kds/ui/prompt-close';
import WebSocket from 'ws';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** FAULTS=full runs the sizes the issue names; the default is the short form CI runs. */
export const full = process.env.FAULTS === 'full';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `condition` every `everyMs` until it holds or `timeoutMs` has passed: whether it held.
 * Polling, not timing: how long it took is the fault's measurement, never a pause of ours.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

/** A fresh database `kds_faults` on the server FAULTS_DATABASE_URL points at. */
export async function freshDatabase(): Promise<string> {
  const admin = process.env.FAULTS_DATABASE_URL;
  if (!admin) throw new Error('the fault suite needs FAULTS_DATABASE_URL (a PostgreSQL server)');
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe('drop database if exists kds_faults with (force)');
  await sql.unsafe('create database kds_faults');
  await sql.end();
  const url = new URL(admin);
  url.pathname = '/kds_faults';
  return url.toString();
}

export interface Instance {
  port: number;
  url: string;
  alive: boolean;
  process: ChildProcess;
  /** SIGKILL: no goodbye to clients, no closing of connections. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  metric(name: string): Promise<number>;
}

/** The real server (`src/main.ts`) in its own process. */
export async function startInstance(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Instance> {
  // FAULTS_PROFILE=dir: each instance writes its CPU profile there when it stops.
  const profile = process.env.FAULTS_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FAULTS_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SEED_DEMO: 'true',
      ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
      // Every simulated screen connects from this one machine.
      WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
      // ... and most share one sign-in.
      SUBSCRIPTIONS_PER_PRINCIPAL: '1000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance: Instance = {
    port,
    url: `127.0.0.1:${port}`,
    alive: true,
    process: child,
    async kill() {
      instance.alive = false;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      instance.alive = false;
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async metric(name) {
      const text = await (await fetch(`http://${instance.url}/metrics`)).text();
      return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    },
  };
  const ready = () =>
    fetch(`http://${instance.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
  // Until it answers, or its process has ended.
  if (await waitUntil(async () => (await ready()) || child.exitCode !== null, 30_000)) {
    if (child.exitCode === null) return instance;
  }
  child.kill('SIGKILL');
  throw new Error(`instance on ${port} did not become ready`);
}

/** The demo store: a kitchen sign-in, its id, and a counter order to place through any instance. */
export async function demoStore(instance: Instance, databaseUrl: string) {
  const call = async <T>(path: string, body?: object): Promise<T> => {
    const response = await fetch(`http://${instance.url}/trpc/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return ((await response.json()) as { result: { data: T } }).result.data;
  };
  const { token } = await call<{ token: string }>('auth.login', {
    email: 'kitchen@demo.test',
    password: 'demo',
  });
  const menu = await call<{
    categories: {
      items: {
        id: string;
        name: string;
        modifierGroups: { minChoices: number; modifiers: { id: string }[] }[];
      }[];
    }[];
  }>(`menu.forStore?input=${encodeURIComponent(JSON.stringify({ storeSlug: 'demo' }))}`);
  const fries = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Fries');
  if (!fries) throw new Error('no Fries on the demo menu');
  const order = () => ({
    storeSlug: 'demo',
    items: [
      {
        menuItemId: fries.id,
        quantity: 1,
        modifierIds: fries.modifierGroups
          .filter((g) => g.minChoices > 0)
          .map((g) => g.modifiers[0]?.id ?? ''),
      },
    ],
    customer: { name: 'Fault' },
    fulfilment: { type: 'dine_in', table: '1' },
    payment: 'counter',
    idempotencyKey: randomUUID(),
  });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [store] = await sql<{ id: string }[]>`select id from stores where slug = 'demo'`;
  await sql.end();
  if (!store) throw new Error('no demo store');
  return { token, storeId: store.id, order };
}

/**
 * Places orders at `perSecond` through the live instances in turn until `stop()`; a failure
 * (instance killed, database restarting) is counted and the next order goes on. The event
 * log, not this count, says what was committed.
 */
export function placeOrders(
  instances: Instance[],
  order: () => object,
  perSecond: number,
): { stop(): Promise<{ ok: number; failed: number }> } {
  const counts = { ok: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  let turn = 0;
  const timer = setInterval(() => {
    const live = instances.filter((i) => i.alive);
    const target = live[turn++ % Math.max(1, live.length)];
    if (!target) return;
    const request = fetch(`http://${target.url}/trpc/order.place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order()),
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (r) => {
        await r.arrayBuffer();
        if (r.ok) counts.ok++;
        else counts.failed++;
      })
      .catch(() => void counts.failed++)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return counts;
    },
  };
}

export interface Screen {
  name: string;
  received: number[];
  /** The subscription is running on the server. */
  started: boolean;
  closes: number;
  /** When the client last noticed its connection was gone (ms since epoch). */
  lastClosedAt: number | null;
  close(): void;
}

/**
 * A kitchen screen: the real tRPC WebSocket client with the kitchen app's keep-alive and
 * retry policy, subscribed from `fromSeq`. `url()` is asked on every (re)connect: the test's
 * load balancer, which only hands out live instances.
 */
export function screen(name: string, url: () => string, token: string, fromSeq: number): Screen {
  const state: Screen = {
    name,
    received: [],
    started: false,
    closes: 0,
    lastClosedAt: null,
    close: () => {},
  };
  const ws = createWSClient({
    url: () => `ws://${url()}/trpc`,
    // The kitchen app's WebSocket: a close on a dead link is final within a second.
    WebSocket: promptClosing(WebSocket) as unknown as typeof globalThis.WebSocket,
    connectionParams: { token },
    keepAlive: { enabled: true, intervalMs: 4_000, pongTimeoutMs: 2_000 },
    retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 2_000) * (0.5 + Math.random() / 2),
    onClose: () => {
      state.closes += 1;
      state.lastClosedAt = Date.now();
    },
  });
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] });
  const sub = trpc.kitchen.onEvent.subscribe(
    { lastEventId: String(fromSeq) },
    {
      onStarted: () => (state.started = true),
      onData: (envelope) => state.received.push(Number(envelope.id)),
    },
  );
  state.close = () => {
    sub.unsubscribe();
    void ws.close();
  };
  return state;
}

/** The load balancer of the tests: live instances in turn. */
export function balancer(instances: Instance[]): () => string {
  let turn = 0;
  return () => {
    const live = instances.filter((i) => i.alive);
    return (live[turn++ % Math.max(1, live.length)] ?? instances[0])?.url ?? '';
  };
}

export interface Summary {
  screens: number;
  events: number;
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  unexpected: number;
}

/** The kitchen-visible events after `fromSeq`, from the log itself. */
export async function loggedEvents(
  databaseUrl: string,
  storeId: string,
  fromSeq: number,
): Promise<number[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ seq: string }[]>`
      select seq from order_events
      where store_id = ${storeId} and seq > ${fromSeq} and type <> 'order.created'
      order by seq`;
    return rows.map((r) => Number(r.seq));
  } finally {
    await sql.end();
  }
}

export async function headSeq(databaseUrl: string, storeId: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<
      { seq: string }[]
    >`select event_seq as seq from stores where id = ${storeId}`;
    return Number(row?.seq ?? 0);
  } finally {
    await sql.end();
  }
}

/**
 * Waits (up to `timeoutMs`) until every screen has as many events as the log holds after
 * `fromSeq`, then compares: every logged event received exactly once, in log order.
 */
export async function check(
  label: string,
  databaseUrl: string,
  storeId: string,
  fromSeq: number,
  screens: Screen[],
  timeoutMs = 30_000,
): Promise<Summary> {
  // The log is read again until it stops growing: an order still committing when the load
  // stopped is an event like any other.
  let logged = await loggedEvents(databaseUrl, storeId, fromSeq);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const caughtUp = () => screens.every((s) => s.received.length >= logged.length);
    await waitUntil(caughtUp, Math.max(0, deadline - Date.now()));
    await sleep(300); // anything arriving late would be a duplicate: give it the chance
    const again = await loggedEvents(databaseUrl, storeId, fromSeq);
    if (again.length === logged.length || Date.now() >= deadline) break;
    logged = again;
  }
  const expectedSet = new Set(logged);
  const summary: Summary = {
    screens: screens.length,
    events: logged.length,
    expected: logged.length * screens.length,
    received: 0,
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    unexpected: 0,
  };
  for (const s of screens) {
    const got = new Set(s.received);
    summary.received += s.received.length;
    summary.duplicated += s.received.length - got.size;
    summary.lost += logged.filter((seq) => !got.has(seq)).length;
    summary.unexpected += s.received.filter((seq) => !expectedSet.has(seq)).length;
    summary.outOfOrder += s.received.filter(
      (seq, i) => i > 0 && seq <= (s.received[i - 1] ?? 0),
    ).length;
  }
  const strays = screens.flatMap((s) => s.received.filter((seq) => !expectedSet.has(seq)));
  if (strays.length > 0) {
    console.log(
      `[faults] ${label}: unexpected seqs ${[...new Set(strays)].slice(0, 10).join(', ')}`,
    );
  }
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `[faults] ${label}: ${n(summary.screens)} screens x ${n(summary.events)} events; ` +
      `expected ${n(summary.expected)}, received ${n(summary.received)}, lost ${summary.lost}, ` +
      `duplicated ${summary.duplicated}, out of order ${summary.outOfOrder}, unexpected ${summary.unexpected}`,
  );
  return summary;
}
