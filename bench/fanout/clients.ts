// Shared by the fan-out and memory benchmarks: servers on CPU 0, lightweight clients here.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { kdsServerArgs } from '../server-command.ts';

const root = new URL('../..', import.meta.url).pathname;

export interface Run {
  latencies: number[];
  lastBySeq: Map<number, number>;
  received: number;
}
export const run: Run = { latencies: [], lastBySeq: new Map(), received: 0 };
export function record(seq: number, latency: number) {
  run.latencies.push(latency);
  run.received += 1;
  run.lastBySeq.set(seq, Math.max(run.lastBySeq.get(seq) ?? 0, latency));
}
/** Reads `"key":` from a message without parsing it all (the generator must stay cheap). */
export function field(text: string, key: string): string {
  const at = text.indexOf(`"${key}":`);
  if (at < 0) return '';
  let start = at + key.length + 3;
  if (text[start] === '"') start += 1;
  let end = start;
  while (end < text.length && text[end] !== '"' && text[end] !== ',' && text[end] !== '}') end += 1;
  return text.slice(start, end);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const q = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export function startServer(
  target: string,
  nodeArgs: string[] = [],
): { process: ChildProcess; port: number } {
  const port = { raw: 3401, socketio: 3402, trpc: 3403, 'trpc-before': 3404 }[target] ?? 3400;
  const kds = target.startsWith('trpc');
  // `trpc-before` runs the KDS server from another checkout (BEFORE=/path/to/worktree), so a
  // change is measured against its baseline in the same run.
  const kdsRoot = target === 'trpc-before' ? (process.env.BEFORE ?? root) : root;
  const script = kds
    ? kdsServerArgs(kdsRoot)
    : [
        '--import',
        'tsx',
        join(root, `bench/fanout/${target === 'raw' ? 'raw-ws' : 'socketio'}-server.ts`),
      ];
  const cwd = kds ? join(kdsRoot, 'apps/server') : join(root, 'bench');
  // PROFILE=dir writes the server's CPU profile there (node --cpu-prof) when it stops.
  const profile = process.env.PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`]
    : [];
  const child = spawn(
    'taskset',
    ['-c', '0', process.execPath, ...profile, ...nodeArgs, ...script],
    {
      cwd,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'kds-fanout-')),
        LOG_LEVEL: 'warn',
        ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
        // Every simulated screen connects from this one machine.
        WS_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
        // ... and most share one sign-in.
        SUBSCRIPTIONS_PER_PRINCIPAL: '1000000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return { process: child, port };
}

export async function waitReady(url: string) {
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

export type Client = { close(): void };

export async function connectAll(n: number, open: () => Promise<Client>): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < n; i += 250) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, open))));
  }
  return clients;
}

export function rawClient(port: number): Promise<Client> {
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

export function socketioClient(port: number): Promise<Client> {
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

/** A kitchen screen speaking tRPC's WebSocket protocol; `onData` gets each event message. */
export function trpcClient(
  port: number,
  token: string,
  onData: (text: string, now: number) => void = (text, now) =>
    record(Number(field(text, 'seq')), now - Date.parse(field(text, 'at'))),
): Promise<Client> {
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
      onData(text, now);
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

export async function kdsSetup(port: number, slug = 'demo', email = 'kitchen@demo.test') {
  const base = `http://127.0.0.1:${port}/trpc`;
  const login = await fetch(`${base}/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo' }),
  });
  const token = ((await login.json()) as { result: { data: { token: string } } }).result.data.token;
  const menu = (await (
    await fetch(
      `${base}/menu.forStore?input=${encodeURIComponent(JSON.stringify({ storeSlug: slug }))}`,
    )
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
  /** Places one counter order, through the given instance when there are several. */
  const place = (at = port) =>
    fetch(`http://127.0.0.1:${at}/trpc/order.place`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        storeSlug: slug,
        items: [{ menuItemId: fries?.id, quantity: 1, modifierIds }],
        customer: { name: 'Bench' },
        fulfilment: { type: 'dine_in', table: '7' },
        payment: 'counter',
        idempotencyKey: randomUUID(),
      }),
    });
  return { token, place };
}

/** One reading of the KDS server's `/metrics`: the value of a metric by name (NaN if absent). */
export async function serverMetrics(port: number): Promise<(name: string) => number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

/**
 * The KDS server's event-loop delay (ms) since the last time it was read: reading `/metrics`
 * resets the server's histogram.
 */
export async function serverLoopDelay(port: number): Promise<{ p99: number; max: number }> {
  const read = await serverMetrics(port);
  return {
    p99: read('kds_nodejs_eventloop_lag_p99_seconds') * 1000,
    max: read('kds_nodejs_eventloop_lag_max_seconds') * 1000,
  };
}
