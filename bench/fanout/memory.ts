// Server memory per subscribed connection, and whether it comes back: the real KDS server on
// CPU 0; this process opens N kitchen subscriptions (the tRPC WebSocket protocol, no client
// library), reads the server's heap and RSS from /metrics, closes them, and repeats.
// Run: taskset -c 1 pnpm --filter @kds/bench fanout-memory  [CONNECTIONS=10000 CYCLES=10]
// BEFORE=/path/to/other/checkout measures that checkout's server instead (built the same way).
import WebSocket from 'ws';
import {
  connectAll,
  kdsSetup,
  serverMetrics,
  sleep,
  startServer,
  trpcClient,
  waitReady,
} from './clients.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10_000);
const CYCLES = Number(process.env.CYCLES ?? 10);

// The inspector lets this script ask the server for a full garbage collection before each
// reading (Chrome DevTools protocol, HeapProfiler.collectGarbage): no debug code in the server.
const INSPECT_PORT = 9231;
const server = startServer(process.env.BEFORE ? 'trpc-before' : 'trpc', [
  `--inspect=127.0.0.1:${INSPECT_PORT}`,
]);
process.once('exit', () => server.process.kill('SIGKILL'));
await waitReady(`http://127.0.0.1:${server.port}/readyz`);
const { token } = await kdsSetup(server.port);

async function memory() {
  const read = await serverMetrics(server.port);
  return {
    heap: read('kds_nodejs_heap_size_used_bytes') / 2 ** 20,
    rss: read('kds_process_resident_memory_bytes') / 2 ** 20,
    connections: read('kds_websocket_connections'),
  };
}

async function collectGarbage() {
  const [target] = (await (await fetch(`http://127.0.0.1:${INSPECT_PORT}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const ws = new WebSocket(target?.webSocketDebuggerUrl ?? '');
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { id?: number }).id === 1) resolve();
    });
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  });
  ws.close();
}

/** Lets the server settle, collects its garbage, then reads. */
async function settled() {
  await sleep(2_000);
  await collectGarbage();
  return memory();
}

const idle = await settled();
console.log(`idle: heap ${idle.heap.toFixed(1)} MiB, rss ${idle.rss.toFixed(1)} MiB`);
const rows: string[] = [];
for (let cycle = 1; cycle <= CYCLES; cycle++) {
  const clients = await connectAll(CONNECTIONS, () => trpcClient(server.port, token));
  const open = await settled();
  for (const c of clients) c.close();
  const closed = await settled();
  const perConnection = ((open.rss - closed.rss) * 1024) / CONNECTIONS;
  const perConnectionHeap = ((open.heap - closed.heap) * 1024) / CONNECTIONS;
  const row = `| ${cycle} | ${open.connections} | ${open.heap.toFixed(1)} | ${open.rss.toFixed(1)} | ${closed.heap.toFixed(1)} | ${closed.rss.toFixed(1)} | ${perConnectionHeap.toFixed(1)} | ${perConnection.toFixed(1)} |`;
  rows.push(row);
  console.log(row);
}
console.log(
  `\n${CONNECTIONS} kitchen subscriptions per cycle; idle heap ${idle.heap.toFixed(1)} MiB, RSS ${idle.rss.toFixed(1)} MiB`,
);
console.log(
  '| cycle | open sockets | heap open (MiB) | RSS open | heap closed | RSS closed | heap per connection (KiB) | RSS per connection (KiB) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
process.exit(0);
