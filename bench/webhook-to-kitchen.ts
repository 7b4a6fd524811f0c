// Paid webhook to ticket on a kitchen screen: how long, for 1,000 paid orders?
// Starts the real server (embedded PGlite by default, or DATABASE_URL), places online orders,
// then delivers each one's signed checkout.session.completed to /webhooks/stripe and times it
// until a kitchen WebSocket subscriber has the order.placed event.
// Run: pnpm --filter @kds/bench webhook-to-kitchen  [ORDERS=1000 CONCURRENCY=8]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppRouter } from '@kds/api/client';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import Stripe from 'stripe';
import WebSocket from 'ws';

const PORT = 3298;
const ORDERS = Number(process.env.ORDERS ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SECRET = 'whsec_bench_secret';
const base = `http://localhost:${PORT}`;

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

function client(token?: string) {
  const ws = createWSClient({
    url: `ws://localhost:${PORT}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: token ? { token } : {},
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: ws }),
        false: httpBatchLink({
          url: `${base}/trpc`,
          headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        }),
      }),
    ],
  });
  return { trpc, ws };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kds-bench-'));
  const server = spawn('pnpm', ['--filter', '@kds/server', 'start'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      DATA_DIR: dataDir,
      ORDERS_PER_MINUTE_PER_ADDRESS: '1000000',
      LOG_LEVEL: 'warn',
      STRIPE_WEBHOOK_SECRET: SECRET,
    },
    stdio: 'inherit',
    detached: true,
  });
  try {
    for (
      let i = 0;
      !(await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      if (i > 120) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const guest = client();
    const { token } = await guest.trpc.auth.login.mutate({
      email: 'kitchen@demo.test',
      password: 'demo',
    });
    const kitchen = client(token);
    const menu = await guest.trpc.menu.forStore.query({ storeSlug: 'demo' });
    const lemonade = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Lemonade');

    const orders: { orderId: string; sessionId: string; total: number }[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const placed = await guest.trpc.order.place.mutate({
        storeSlug: 'demo',
        items: [{ menuItemId: lemonade?.id ?? '', quantity: 1 + (i % 3) }],
        customer: { name: `Guest ${i}` },
        fulfilment: { type: 'pickup' },
        payment: 'online',
        idempotencyKey: randomUUID(),
      });
      orders.push({
        orderId: placed.orderId,
        sessionId: placed.checkoutUrl?.split('/').pop() ?? '',
        total: placed.totals.totalCents,
      });
    }

    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let onSubscribed: () => void = () => {};
    const subscribed = new Promise<void>((resolve) => (onSubscribed = resolve));
    let settle: () => void = () => {};
    const allSeen = new Promise<void>((resolve) => (settle = resolve));
    const sub = kitchen.trpc.kitchen.onEvent.subscribe(
      {},
      {
        onStarted: () => onSubscribed(),
        onData: ({ data }) => {
          const t0 =
            data.type === 'order.placed' ? sentAt.get(data.payload.ticket.orderId) : undefined;
          if (t0 === undefined) return;
          latencies.push(performance.now() - t0);
          if (latencies.length === ORDERS) settle();
        },
      },
    );
    await subscribed;

    const signer = new Stripe('sk_test_bench');
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < orders.length) {
          const order = orders[next++];
          if (!order) break;
          const payload = JSON.stringify({
            id: `evt_${randomUUID()}`,
            object: 'event',
            type: 'checkout.session.completed',
            data: {
              object: {
                id: order.sessionId,
                object: 'checkout.session',
                client_reference_id: order.orderId,
                payment_status: 'paid',
                amount_total: order.total,
                currency: 'usd',
                payment_intent: `pi_${randomUUID()}`,
              },
            },
          });
          const signature = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
          sentAt.set(order.orderId, performance.now());
          const response = await fetch(`${base}/webhooks/stripe`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
            body: payload,
          });
          if (!response.ok) throw new Error(`webhook answered ${response.status}`);
        }
      }),
    );
    await Promise.race([allSeen, new Promise((r) => setTimeout(r, 30_000))]);
    const elapsed = (performance.now() - started) / 1000;
    sub.unsubscribe();
    await guest.ws.close();
    await kitchen.ws.close();

    const fmt = (n: number) => n.toFixed(1);
    console.log(
      `\nPaid webhook to kitchen subscriber: ${latencies.length}/${ORDERS} orders, ${CONCURRENCY} webhooks in flight, ${fmt(ORDERS / elapsed)} webhooks/s`,
    );
    console.log('| metric | ms |\n|---|---|');
    console.log(`| p50 | ${fmt(quantile(latencies, 0.5))} |`);
    console.log(`| p90 | ${fmt(quantile(latencies, 0.9))} |`);
    console.log(`| p99 | ${fmt(quantile(latencies, 0.99))} |`);
    console.log(`| max | ${fmt(Math.max(...latencies))} |`);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
