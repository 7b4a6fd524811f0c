import { healthSnapshot, liveSubscriptions, type LiveGroups } from '@kds/api';
import type { Database } from '@kds/db';
import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Compares in constant time (digests first, so the lengths do not tell either). */
function sameSecret(given: string | undefined, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/**
 * `/metrics` in Prometheus format: process (event-loop delay, heap), WebSocket connections and
 * subscriptions, request latency, webhook outcomes, and, read from the database at scrape
 * time, each screen's lag and the outbox. With METRICS_TOKEN set it asks for that bearer token.
 */
export function registerMetrics(
  app: FastifyInstance,
  options: {
    db: Database;
    now: () => Date;
    token?: string;
    production: boolean;
    liveGroups?: LiveGroups;
  },
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kds_' });

  new Gauge({
    name: 'kds_websocket_connections',
    help: 'Open WebSocket connections on this instance.',
    registers: [registry],
    collect() {
      this.set(app.websocketServer.clients.size);
    },
  });
  new Gauge({
    name: 'kds_subscriptions',
    help: 'Open subscriptions on this instance, by kind.',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      for (const [kind, n] of Object.entries(liveSubscriptions)) this.set({ kind }, n);
    },
  });
  new Gauge({
    name: 'kds_live_group_members',
    help: 'Subscriptions past their replay, written to by a shared live tail.',
    registers: [registry],
    collect() {
      this.set(options.liveGroups?.memberCount() ?? 0);
    },
  });
  const requests = new Histogram({
    name: 'kds_http_request_duration_seconds',
    help: 'HTTP request latency (tRPC batches, webhooks, pages).',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'kds_webhook_events_total',
    help: 'Incoming provider webhooks by outcome (paid, flagged, duplicate, ignored, refused).',
    labelNames: ['provider', 'outcome'],
    registers: [registry],
  });
  const screenLag = new Gauge({
    name: 'kds_screen_lag_events',
    help: "Events between a paired screen's last ack and its store's last event (including events the screen is not sent).",
    labelNames: ['store', 'screen'],
    registers: [registry],
  });
  const screenSeen = new Gauge({
    name: 'kds_screen_seconds_since_seen',
    help: 'Seconds since a paired screen last reported (it does every 30 s).',
    labelNames: ['store', 'screen'],
    registers: [registry],
  });
  const outbox = new Gauge({
    name: 'kds_outbox_messages',
    help: 'Outbox rows by channel and status (pending is the depth, failed needs a look).',
    labelNames: ['channel', 'status'],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/metrics', async (request, reply) => {
    // Store and screen names, volumes and failures are nobody's business: in production they
    // are served only to the holder of METRICS_TOKEN.
    if (!options.token && options.production) {
      return reply.status(403).send({ error: 'set METRICS_TOKEN to read metrics in production' });
    }
    if (options.token && !sameSecret(request.headers.authorization, `Bearer ${options.token}`)) {
      return reply.status(401).send({ error: 'metrics need the METRICS_TOKEN bearer token' });
    }
    const snapshot = await healthSnapshot(options.db, options.now());
    screenLag.reset();
    screenSeen.reset();
    outbox.reset();
    for (const s of snapshot.screens) {
      screenLag.set({ store: s.store, screen: s.screen }, s.lagEvents);
      if (s.secondsSinceSeen !== null)
        screenSeen.set({ store: s.store, screen: s.screen }, s.secondsSinceSeen);
    }
    for (const row of snapshot.outbox)
      outbox.set({ channel: row.channel, status: row.status }, row.n);
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  const slowCut = new Counter({
    name: 'kds_websocket_slow_consumers_cut_total',
    help: 'WebSockets cut off because their unsent data passed WS_MAX_BUFFERED_BYTES.',
    registers: [registry],
  });
  return {
    webhook: (provider: string, outcome: string) => webhooks.inc({ provider, outcome }),
    slowConsumerCut: () => slowCut.inc(),
  };
}
