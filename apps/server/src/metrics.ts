import { healthSnapshot, type LiveGroups } from '@kds/api';
import type { Database } from '@kds/db';
import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { kdsMetrics } from './metrics-registry.ts';

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
  const { registry, requests, webhooks, screenLag, screenSeen, outbox, slowCut } = kdsMetrics(
    () => app.websocketServer.clients.size,
    options.liveGroups,
  );

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

  return {
    webhook: (provider: string, outcome: string) => webhooks.inc({ provider, outcome }),
    slowConsumerCut: () => slowCut.inc(),
  };
}
