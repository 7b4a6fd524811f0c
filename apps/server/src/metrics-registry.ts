import { liveSubscriptions, type LiveGroups } from '@kds/api';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What KDS measures, in a registry of its own: the process, WebSocket connections and
 * subscriptions (read when scraped), request latency, webhook outcomes, each screen's lag and
 * the outbox (set by the scrape from the database), slow consumers cut off.
 */
export function kdsMetrics(connections: () => number, liveGroups: LiveGroups | undefined) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kds_' });

  new Gauge({
    name: 'kds_websocket_connections',
    help: 'Open WebSocket connections on this instance.',
    registers: [registry],
    collect() {
      this.set(connections());
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
      this.set(liveGroups?.memberCount() ?? 0);
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
  const slowCut = new Counter({
    name: 'kds_websocket_slow_consumers_cut_total',
    help: 'WebSockets cut off because their unsent data passed WS_MAX_BUFFERED_BYTES.',
    registers: [registry],
  });
  return { registry, requests, webhooks, screenLag, screenSeen, outbox, slowCut };
}
