// Fan-out: N WebSocket subscribers of one store receive a stream of ticket events. One-way
// latency from publish (or commit) to each subscriber, for (a) raw `ws` writing one prebuilt
// frame to all, (b) KDS's tRPC subscription path (real server, real commits), (c) Socket.IO
// broadcasting the same events. The server runs on CPU 0, this load generator on CPU 1.
// Run: taskset -c 1 pnpm --filter @kds/bench fanout  [TARGETS=raw,trpc,socketio(,trpc-before with BEFORE=dir) SIZES=100,1000,10000 EVENTS=50 RATE=10]
import { readFileSync } from 'node:fs';
import {
  connectAll,
  kdsSetup,
  q,
  rawClient,
  run,
  sleep,
  socketioClient,
  startServer,
  trpcClient,
  waitReady,
  serverLoopDelay,
} from './clients.ts';

const TARGETS = (process.env.TARGETS ?? 'raw,trpc,socketio').split(',');
const SIZES = (process.env.SIZES ?? '100,1000,10000').split(',').map(Number);
const EVENTS = Number(process.env.EVENTS ?? 50);
const RATE = Number(process.env.RATE ?? 10);

async function stats(port: number, target: string) {
  if (!target.startsWith('trpc'))
    return (await (await fetch(`http://127.0.0.1:${port}/stats`)).json()) as {
      p99: number;
      max: number;
    };
  return serverLoopDelay(port);
}

/** CPU time (user + system) the process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const rows: string[] = [];
/** Orders the KDS server accepted: an event that was never committed is not a lost event. */
const placed = { ok: 0, failed: 0 };
for (const target of TARGETS) {
  // SERVER_NODE_OPTIONS: extra flags for the server's node (e.g. --max-semi-space-size=64).
  const server = startServer(
    target,
    (process.env.SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
  );
  // SIGINT lets a profiled server write its profile; anything left is killed on exit.
  const stop = () => server.process.kill(process.env.PROFILE ? 'SIGINT' : 'SIGKILL');
  process.once('exit', stop);
  const probe = target.startsWith('trpc') ? '/readyz' : '/stats';
  await waitReady(`http://127.0.0.1:${server.port}${probe}`);
  const kds = target.startsWith('trpc') ? await kdsSetup(server.port) : null;
  let previous: { cpu: number; received: number } | null = null;
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
    // Reading /metrics resets the server's event-loop delay histogram: what follows is the
    // delay while publishing, not while accepting the connections.
    if (kds) await stats(server.port, target);
    const started = Date.now();
    const cpuBefore = cpuMs(server.process.pid);
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
    // Server CPU per delivered event (for KDS this includes placing the order, amortised), and
    // per delivery added since the previous size: the fan-out's own cost, without the fixed
    // cost of each event (for KDS, the order's HTTP call and transaction).
    const cpu = cpuMs(server.process.pid) - cpuBefore;
    const cpuPerDelivery = (cpu * 1000) / run.received;
    const marginal = previous
      ? `${(((cpu - previous.cpu) * 1000) / (run.received - previous.received)).toFixed(1)}`
      : '';
    previous = { cpu, received: run.received };
    const loop = await stats(server.port, target);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const last = [...run.lastBySeq.values()].sort((a, b) => a - b);
    const row = `| ${target} | ${n.toLocaleString('en-US')} | ${run.received.toLocaleString('en-US')}/${expected.toLocaleString('en-US')} | ${q(sorted, 50)} | ${q(sorted, 99)} | ${q(sorted, 99.9)} | ${q(last, 50)} | ${q(last, 99)} | ${loop.p99.toFixed(1)} | ${loop.max.toFixed(1)} | ${cpuPerDelivery.toFixed(1)} | ${marginal} |`;
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
  '| server | subscribers | received | p50 | p99 | p99.9 | to last p50 | to last p99 | loop delay p99 | loop delay max | CPU µs per delivery | marginal CPU µs per delivery |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
