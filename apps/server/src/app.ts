import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import {
  createRawTcpPrinter,
  type PrinterTransport,
  createApiContext,
  createEventLog,
  createNotifier,
  createRateLimits,
  createSimulatedStripe,
  EventBus,
  LiveGroups,
  listenForEvents,
  recordedCalls,
  recordedMail,
  recordedSms,
  stillValidPrincipals,
  StreamGuard,
  type ApiDeps,
  type CallTransport,
  type DomainConfig,
  type MailTransport,
  type Geocoder,
  type ServiceModes,
  type SmsTransport,
  type StripeGateway,
} from '@kds/api';
import type { DbHandle, Listener, ReadReplica } from '@kds/db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { registerExportRoutes } from './export-routes.ts';
import {
  DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY,
  DEFAULT_SESSION_TTL_HOURS,
  DEVELOPMENT_PEPPER,
} from './env.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { loggerOptions } from './logging.ts';
import { KDS_VERSION } from './paths.ts';
import { registerMetrics } from './metrics.ts';
import { CHECKOUT_CSS, registerPaymentRoutes } from './payment-routes.ts';
import { registerQrRoutes } from './qr-routes.ts';
import { reportingReplica } from './read-replica.ts';
import { registerRestApi } from './rest-api.ts';
import {
  bearerToken,
  cookieToken,
  originTrust,
  refuseCrossSiteCookieMutations,
} from './request-auth.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { serveStaticApp, type StaticApp } from './static-apps.ts';
import { registerTrpc } from './trpc-routes.ts';
import { registerTwilioRoutes } from './twilio-routes.ts';

export { SESSION_COOKIE } from './request-auth.ts';

export interface AppOptions {
  handle: DbHandle;
  /** Log level (or false for none); `stream` captures the log lines (tests). */
  logger?: false | { level: string; stream?: { write(line: string): void } };
  /** Production: Secure cookies, HSTS, https-only webhooks, and nothing simulated by default. */
  production?: boolean;
  bodyLimitBytes?: number;
  /** Mark the session cookie Secure (default: in production). */
  cookieSecure?: boolean;
  domain?: Partial<DomainConfig>;
  /** Keep-alive: a ping every `pingMs`, the link is dead after `pongWaitMs` without a pong. */
  keepAlive?: { pingMs: number; pongWaitMs: number };
  /**
   * Stripe; by default the simulated checkout, except in production, where the default is no
   * online payment at all (main.ts opts into the simulation only when told to).
   */
  stripe?: StripeGateway | null;
  /** Texts to guests (Twilio); by default they are recorded in the outbox only. */
  sms?: SmsTransport;
  /** Calls to guests (Twilio); by default recorded in the outbox only. */
  calls?: CallTransport;
  /** Email (SMTP); by default recorded in the outbox only. */
  mail?: MailTransport;
  /** Twilio's auth token, to check its status callbacks; without it the route is not served. */
  twilioAuthToken?: string;
  /** Where guests reach this server: payment return URLs, links in messages. */
  publicUrl?: string;
  /** Other origins (a separate admin host, an integrator's page) allowed to call the API. */
  corsOrigins?: string[];
  /** Bearer token /metrics asks for; without it /metrics is open (keep it off the internet). */
  metricsToken?: string;
  /** Orders one address may place a minute (default 60). */
  ordersPerMinute?: number;
  /** WebSockets one client address may hold open (default 1,000); more are closed with 1013. */
  wsMaxConnectionsPerAddress?: number;
  /** A WebSocket with more unsent data than this is cut off (default 4 MiB); it resumes later. */
  wsMaxBufferedBytes?: number;
  /** Live subscriptions per signed-in session or paired screen (default 20). */
  subscriptionsPerPrincipal?: number;
  /** Live subscriptions of anonymous clients per address or IPv6 /64 (default 1,000). */
  subscriptionsPerAddress?: number;
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): `true` for any,
   * a number of hops, or addresses/CIDRs. Unset: the socket's peer address, headers ignored.
   */
  trustProxy?: boolean | number | string[];
  /** How often live streams and sockets are checked for a revoked identity (default 2 s). */
  revalidateMs?: number;
  /** Tries per outgoing message before it is marked failed (default 8). */
  outboxMaxAttempts?: number;
  /** Networks (CIDR) webhook endpoints may be on although private (a POS on the LAN). */
  webhookAllowedNetworks?: string[];
  /** How print jobs reach printers (raw TCP to port 9100 unless a test says otherwise). */
  printers?: PrinterTransport;
  /** Background jobs (payment expiry); tests that drive them by hand turn them off. */
  jobs?: boolean;
  /**
   * A streaming replica reports and exports read from while it is at most `maxLagSeconds`
   * behind (DATABASE_REPLICA_URL); without it they read the primary.
   */
  replica?: { handle: ReadReplica; maxLagSeconds: number };
  /** The postcode service for deliveries (POSTCODE_API_URL). */
  geocoder?: Geocoder | null;
  /** Built front ends to serve, e.g. the kitchen display at `/kitchen/`. */
  staticApps?: StaticApp[];
  /** Safety poll of the event log for stores with subscribers; 0 turns it off (tests). */
  eventPollMs?: number;
  now?: () => Date;
}

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
    ...(deps.liveGroups ? { liveGroups: deps.liveGroups } : {}),
    ...(options.metricsToken ? { token: options.metricsToken } : {}),
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
    listener = await listenForEvents(deps.bus, options.handle, {
      ...(options.eventPollMs !== undefined ? { pollMs: options.eventPollMs } : {}),
    });
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

/** Long-lived parts every request shares: the database, the bus, the limits, the stream guard. */
function createDeps(
  app: FastifyInstance,
  options: AppOptions,
  stripe: StripeGateway | null,
  publicUrl: string,
): ApiDeps {
  // Every statement the server sends runs as kds_app, under the policies (decision 0019); the
  // owner's handle migrates, seeds and backs up.
  const db = options.handle.app;
  const now = options.now ?? (() => new Date());
  const log = createEventLog(db);
  const notifier = createNotifier(options.handle, (error) =>
    app.log.warn({ err: error }, 'waking other instances failed; their poll will catch up'),
  );
  app.addHook('onClose', () => notifier.drain());
  const bus = new EventBus(log, {
    onError: (error) => app.log.error({ err: error }, 'event bus'),
    announce: (storeId, seq) => notifier.notify(storeId, seq),
  });
  return {
    db,
    payments: stripe,
    bus,
    liveGroups: new LiveGroups(bus),
    log,
    now,
    geocoder: options.geocoder ?? null,
    replica: options.replica
      ? reportingReplica(options.replica.handle, options.replica.maxLagSeconds, app.log)
      : null,
    limits: createRateLimits(
      db,
      options.ordersPerMinute ? { ordersPerMinute: options.ordersPerMinute } : {},
    ),
    streams: new StreamGuard({
      perPrincipal: options.subscriptionsPerPrincipal ?? 20,
      perAddress: options.subscriptionsPerAddress ?? 1000,
      recheckMs: options.revalidateMs ?? 2_000,
      stillValid: (principals) => stillValidPrincipals(db, principals, now()),
      onError: (err) => app.log.error({ err }, 'checking live sign-ins failed'),
    }),
    config: {
      sessionTtlMs: DEFAULT_SESSION_TTL_HOURS * 3600_000,
      maxReplayEvents: 10_000,
      publicUrl,
      version: KDS_VERSION,
      // Development only: env.ts requires PICKUP_CODE_PEPPER in production.
      pickupPepper: DEVELOPMENT_PEPPER,
      messagesPerRecipientPerDay: DEFAULT_MESSAGES_PER_RECIPIENT_PER_DAY,
      services: serviceModes(options, stripe),
      ...options.domain,
    },
  };
}

function serviceModes(options: AppOptions, stripe: StripeGateway | null): ServiceModes {
  return {
    production: options.production ?? false,
    payments: stripe === null ? 'off' : stripe.simulated ? 'simulated' : 'stripe',
    sms: options.sms ? 'twilio' : 'recorded',
    email: options.mail ? 'smtp' : 'recorded',
  };
}

/** Where messages leave: the configured providers, or stand-ins that write them down. */
function providers(
  app: FastifyInstance,
  options: AppOptions,
  stripe: StripeGateway | null,
  production: boolean,
) {
  const note = (what: Record<string, unknown>, message: string) => app.log.info(what, message);
  return {
    stripe,
    sms: options.sms ?? recordedSms(note),
    calls: options.calls ?? recordedCalls(note),
    mail: options.mail ?? recordedMail(note),
    webhooks: {
      requireHttps: production,
      allowedNetworks: options.webhookAllowedNetworks ?? [],
    },
    printers: options.printers ?? createRawTcpPrinter(),
  };
}

async function registerRoutes(
  app: FastifyInstance,
  options: AppOptions,
  deps: ApiDeps,
  stripe: StripeGateway | null,
  metrics: ReturnType<typeof registerMetrics>,
) {
  const publicUrl = deps.config.publicUrl;
  const internal = () => createApiContext(deps, { token: undefined, transport: 'internal' });
  const fromRequest = (request: { headers: IncomingHttpHeaders; ip: string }) =>
    createApiContext(deps, {
      token: bearerToken(request.headers) ?? cookieToken(app, request.headers.cookie),
      ip: request.ip,
      transport: 'http',
    });
  for (const staticApp of options.staticApps ?? []) await serveStaticApp(app, staticApp);
  if (options.twilioAuthToken) {
    await registerTwilioRoutes(app, {
      authToken: options.twilioAuthToken,
      publicUrl,
      context: internal,
    });
  }
  if (stripe) {
    await registerPaymentRoutes(app, {
      onOutcome: (outcome) => metrics.webhook('stripe', outcome),
      gateway: stripe,
      db: deps.db,
      context: internal,
    });
  }
  await registerRestApi(app, deps);
  await registerExportRoutes(app, { context: fromRequest });
  await registerQrRoutes(app, { publicUrl, context: fromRequest });
  app.get('/healthz', async () => ({ ok: true, version: KDS_VERSION }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await options.handle.ping();
      return { ok: true, database: options.handle.driver };
    } catch (error) {
      app.log.warn({ err: error }, 'database not reachable');
      return reply.status(503).send({ ok: false, database: options.handle.driver });
    }
  });
}

/**
 * Set before any plugin: Fastify copies the error handler into a child context when it is
 * registered. A body over the limit gets a tRPC-shaped error: clients see PAYLOAD_TOO_LARGE.
 */
function replyToOversizedBodies(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error, request, reply) => {
    const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
    if (statusCode === 413 && request.url.startsWith('/trpc')) {
      return reply.status(413).send({
        error: {
          message: `request body is larger than ${bodyLimit} bytes`,
          code: -32_413,
          data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
        },
      });
    }
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.send(error);
  });
}

/** Fastify's form of TRUST_PROXY: a number of hops becomes "the nearest n proxies". */
function trustedProxies(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
