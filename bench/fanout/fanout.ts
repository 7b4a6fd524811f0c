// Fan-out: N WebSocket subscribers of one store receive a stream of ticket events. One-way
// latency from publish (or commit) to each subscriber, for (a) raw `ws` writing one prebuilt
// frame to all, (b) KDS's tRPC subscription path (real server, real commits), (c) Socket.IO
// broadcasting the same events. The server runs on CPU 0, this load generator on CPU 1.
// Run: taskset -c 1 pnpm --filter @kds/bench fanout  [TARGETS=raw,trpc,socketio SIZES=100,1000,10000 EVENTS=50 RATE=10]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

const TARGETS = (process.env.TARGETS ?? 'raw,trpc,socketio').split(',');
const SIZES = (process.env.SIZES ?? '100,1000,10000').split(',').map(Number);
const EVENTS = Number(process.env.EVENTS ?? 50);
const RATE = Number(process.env.RATE ?? 10);
const root = new URL('../..', import.meta.url).pathname;

interface Run {
  latencies: number[];
  lastBySeq: Map<number, number>;
  received: number;
}
const run: Run = { latencies: [], lastBySeq: new Map(), received: 0 };
function record(seq: number, latency: number) {
  run.latencies.push(latency);
  run.received += 1;
  run.lastBySeq.set(seq, Math.max(run.lastBySeq.get(seq) ?? 0, latency));
}
/** Reads `"key":` from a message without parsing it all (the generator must stay cheap). */
function field(text: string, key: string): string {
  const at = text.indexOf(`"${key}":`);
  if (at < 0) return '';
  let start = at + key.length + 3;
  if (text[start] === '"') start += 1;
  let end = start;
  while (end < text.length && text[end] !== '"' && text[end] !== ',' && text[end] !== '}') end += 1;
  return text.slice(start, end);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function startServer(target: string): { process: ChildProcess; port: number } {
  const port = { raw: 3401, socketio: 3402, trpc: 3403 }[target] ?? 3400;
  const script =
    target === 'trpc'
      ? ['--import', 'tsx', 'src/main.ts']
      : [
          '--import',
          'tsx',
          join(root, `bench/fanout/${target === 'raw' ? 'raw-ws' : 'socketio'}-server.ts`),
        ];
  const cwd = target === 'trpc' ? join(root, 'apps/server') : join(root, 'bench');
  // PROFILE=dir writes the server's CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`]
    : [];
  const child = spawn('taskset', ['-c', '0', process.execPath, ...profile, ...script], {
    cwd,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kds-fanout-')),
      LOG_LEVEL: 'warn',
      ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { process: child, port };
}

async function waitReady(url: string) {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${url} never answered`);
}

type Client = { close(): void };

async function connectAll(n: number, open: () => Promise<Client>): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += 250) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, open))));
  }
  return clients;
}

function rawClient(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const now = Date.now();
      const text = data.toString();
      record(Number(field(text, 'seq')), now - Number(field(text, 'sentAt')));
    });
    ws.once('open', () => resolve({ close: () => ws.terminate() }));
    ws.once('error', reject);
  });
}

function socketioClient(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    socket.on('event', (event: { seq: number; sentAt: number }) =>
      record(event.seq, Date.now() - event.sentAt),
    );
    socket.once('connect', () => resolve({ close: () => socket.disconnect() }));
    socket.once('connect_error', reject);
  });
}

function trpcClient(port: number, token: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/trpc?connectionParams=1`, {
      perMessageDeflate: false,
    });
    ws.on('message', (data) => {
      const now = Date.now();
      const text = data.toString();
      if (text === 'PING') return ws.send('PONG');
      if (text.includes('"type":"started"')) return resolve({ close: () => ws.terminate() });
      if (!text.includes('"type":"data"')) return;
      record(Number(field(text, 'seq')), now - Date.parse(field(text, 'at')));
    });
    ws.once('open', () => {
      ws.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
      ws.send(
        JSON.stringify({
          id: 1,
          method: 'subscription',
          params: { path: 'kitchen.onEvent', input: {} },
        }),
      );
    });
    ws.once('error', reject);
  });
}

async function kdsSetup(port: number) {
  const base = `http://127.0.0.1:${port}/trpc`;
  const login = await fetch(`${base}/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kitchen@demo.test', password: 'demo' }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  const menu = (await (
    await fetch(`${base}/menu.forStore?input=${encodeURIComponent('{"storeSlug":"demo"}')}`)
  ).json()) as {
    result: {
      data: {
        categories: {
          items: {
            id: string;
            name: string;
            modifierGroups: { minChoices: number; modifiers: { id: string }[] }[];
          }[];
        }[];
      };
    };
  };
  const fries = menu.result.data.categories.flatMap((c) => c.items).find((i) => i.name === 'Fries');
  const modifierIds =
    fries?.modifierGroups.filter((g) => g.minChoices > 0).map((g) => g.modifiers[0]?.id ?? '') ??
    [];
  const place = () =>
    fetch(`${base}/order.place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        storeSlug: 'demo',
        items: [{ menuItemId: fries?.id, quantity: 1, modifierIds }],
        customer: { name: 'Bench' },
        fulfilment: { type: 'dine_in', table: '7' },
        payment: 'counter',
        idempotencyKey: randomUUID(),
      }),
    });
  return { token, place };
}

async function stats(port: number, target: string) {
  if (target !== 'trpc')
    return (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as {
      p99: number;
      max: number;
    };
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const read = (name: string) =>
    Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return {
    p99: read('kds_nodejs_eventloop_lag_p99_seconds'),
    max: read('kds_nodejs_eventloop_lag_max_seconds'),
  };
}

const rows: string[] = [];
/** Orders the KDS server accepted: an event that was never committed is not a lost event. */
const placed = { ok: 0, failed: 0 };
for (const target of TARGETS) {
  const server = startServer(target);
  // SIGINT lets a profiled server write its profile; anything left is killed on exit.
  const stop = () => server.process.kill(process.env.PROFILE ? 'SIGINT' : 'SIGKILL');
  process.once('exit', stop);
  const probe = target === 'trpc' ? '/readyz' : '/stats';
  await waitReady(`http://127.0.0.1:${server.port}${probe}`);
  const kds = target === 'trpc' ? await kdsSetup(server.port) : null;
  for (const n of SIZES) {
    run.latencies = [];
    run.lastBySeq = new Map();
    run.received = 0;
    placed.ok = 0;
    placed.failed = 0;
    const open =
      target === 'raw'
        ? () => rawClient(server.port)
        : target === 'socketio'
          ? () => socketioClient(server.port)
          : () => trpcClient(server.port, kds?.token ?? '');
    const clients = await connectAll(n, open);
    await sleep(500);
    const started = Date.now();
    if (kds) {
      // Real commits: one order a tick, each one `order.placed` for every subscriber.
      for (let i = 0; i < EVENTS; i++) {
        const tick = started + (i * 1000) / RATE;
        await sleep(Math.max(0, tick - Date.now()));
        void kds.place().then(
          (r) => (r.ok ? placed.ok++ : placed.failed++),
          () => placed.failed++,
        );
      }
    } else {
      await fetch(`http://127.0.0.1:${server.port}/publish?count=${EVENTS}&rate=${RATE}`);
    }
    const expected = n * (kds ? EVENTS - placed.failed : EVENTS);
    if (kds && placed.failed) console.log(`${placed.failed} of ${EVENTS} orders were refused`);
    const deadline = Date.now() + (EVENTS / RATE) * 1000 + 15_000;
    while (run.received < expected && Date.now() < deadline) await sleep(50);
    const loop = await stats(server.port, target);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const last = [...run.lastBySeq.values()].sort((a, b) => a - b);
    const row = `| ${target} | ${n.toLocaleString('en-US')} | ${run.received.toLocaleString('en-US')}/${expected.toLocaleString('en-US')} | ${q(sorted, 50)} | ${q(sorted, 99)} | ${q(sorted, 99.9)} | ${q(last, 50)} | ${q(last, 99)} | ${loop.p99.toFixed(1)} | ${loop.max.toFixed(1)} |`;
    rows.push(row);
    console.log(row);
    for (const c of clients) c.close();
    await sleep(1000);
  }
  stop();
  await sleep(500);
}
console.log(
  `\nEVENTS=${EVENTS} RATE=${RATE}/s; latencies in ms (Date.now() on both sides of one machine)`,
);
console.log(
  '| server | subscribers | received | p50 | p99 | p99.9 | to last p50 | to last p99 | loop delay p99 | loop delay max |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
