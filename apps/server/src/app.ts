import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import { createSimulatedStripe, listenForEvents, type ApiDeps, type EventBus } from '@kds/api';
import type { Listener } from '@kds/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppOptions } from './app-options.ts';
import { createDeps, providers } from './deps.ts';
import { replyToOversizedBodies } from './error-replies.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { loggerOptions } from './logging.ts';
import { registerMetrics } from './metrics.ts';
import { CHECKOUT_CSS } from './payment-routes.ts';
import { originTrust, refuseCrossSiteCookieMutations } from './request-auth.ts';
import { registerRoutes } from './routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerTrpc } from './trpc-routes.ts';

export type { AppOptions } from './app-options.ts';
export { SESSION_COOKIE } from './request-auth.ts';

declare module 'fastify' {
  interface FastifyInstance {
    bus: EventBus;
    jobs: Jobs;
  }
}

/** Builds the app with every plugin registered; `main.ts` only listens and shuts down. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const production = options.production ?? false;
  const bodyLimit = options.bodyLimitBytes ?? 64 * 1024;
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const app = Fastify(fastifyOptions(options, bodyLimit));
  replyToOversizedBodies(app, bodyLimit);
  const stripe =
    options.stripe !== undefined
      ? options.stripe
      : production
        ? null
        : createSimulatedStripe({ publicUrl });
  const deps = createDeps(app, options, stripe, publicUrl);
  app.decorate('bus', deps.bus);

  const metrics = registerMetrics(app, {
    db: deps.db,
    now: deps.now,
    production,
    liveGroups: deps.liveGroups,
    token: options.metricsToken,
  });
  await registerSecurityHeaders(app, {
    production,
    https: publicUrl.startsWith('https:'),
    inlineStyles: [CHECKOUT_CSS],
  });
  await app.register(fastifyCookie);
  // Other origins reach the API only when listed; they may send the session cookie then.
  const listed = new Set(options.corsOrigins ?? []);
  await app.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && listed.has(origin)),
    credentials: true,
  });
  const trusted = originTrust(listed, publicUrl);
  refuseCrossSiteCookieMutations(app, trusted);
  const stopCutting = await registerTrpc(app, {
    deps,
    bodyLimit,
    trusted,
    keepAlive: options.keepAlive ?? { pingMs: 5_000, pongWaitMs: 5_000 },
    cookieSecure: options.cookieSecure ?? production,
    wsMaxConnectionsPerAddress: options.wsMaxConnectionsPerAddress ?? 1000,
    wsMaxBufferedBytes: options.wsMaxBufferedBytes ?? 4 * 1024 * 1024,
    onSlowConsumerCut: () => {
      metrics.slowConsumerCut();
      app.log.warn('cut off a WebSocket client that was not reading (slow consumer)');
    },
  });
  await registerRoutes(app, options, deps, stripe, metrics);

  const jobs = createJobs(deps, providers(app, options, stripe, production), app.log, {
    ...(options.outboxMaxAttempts ? { maxAttempts: options.outboxMaxAttempts } : {}),
  });
  app.decorate('jobs', jobs);
  runWhileOpen(app, options, deps, jobs, stopCutting);
  return app;
}

/** Live events and background jobs start once the server is ready, and stop when it closes. */
function runWhileOpen(
  app: FastifyInstance,
  options: AppOptions,
  deps: ApiDeps,
  jobs: Jobs,
  stopCutting: () => void,
) {
  let listener: Listener | undefined;
  app.addHook('onReady', async () => {
    listener = await listenForEvents(deps.bus, options.handle, { pollMs: options.eventPollMs });
    if (options.jobs !== false) jobs.start();
  });
  app.addHook('onClose', async () => {
    stopCutting();
    deps.streams.stop();
    jobs.stop();
    await listener?.close();
    deps.bus.close();
  });
}

function fastifyOptions(options: AppOptions, bodyLimit: number): FastifyServerOptions {
  return {
    logger: options.logger ? loggerOptions(options.logger) : false,
    bodyLimit,
    // Batched tRPC GETs put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    // While draining, new requests get 503 so a load balancer moves them to another instance.
    return503OnClosing: true,
    // Behind a load balancer, the client's address comes from X-Forwarded-For (TRUST_PROXY);
    // without it every guest would share the balancer's address and its per-address limits.
    ...(options.trustProxy !== undefined ? { trustProxy: trustedProxies(options.trustProxy) } : {}),
  };
}

/** Fastify's form of TRUST_PROXY: a number of hops becomes "the nearest n proxies". */
function trustedProxies(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
