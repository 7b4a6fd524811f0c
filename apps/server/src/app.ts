import { eventFrameEncoder } from './event-frames.ts';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyWebsocket from '@fastify/websocket';
import {
  appRouter,
  createApiContext,
  createRateLimits,
  createEventLog,
  createSimulatedStripe,
  recordedMail,
  recordedSms,
  recordedCalls,
  type CallTransport,
  EventBus,
  listenForEvents,
  type AppRouter,
  type DomainConfig,
  type PostcodeLookup,
  type SmsTransport,
  type MailTransport,
  type StripeGateway,
} from '@kds/api';
import type { DbHandle, Listener } from '@kds/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { createJobs, type Jobs } from './jobs.ts';
import { registerExportRoutes } from './export-routes.ts';
import { registerMetrics } from './metrics.ts';
import { watchSignedInSockets } from './signed-in-sockets.ts';
import type { WebSocket } from 'ws';
import { registerPaymentRoutes } from './payment-routes.ts';
import { registerQrRoutes } from './qr-routes.ts';
import { registerTwilioRoutes } from './twilio-routes.ts';
import { cutSlowConsumers, limitConnectionsPerAddress } from './websocket-guards.ts';
import { serveStaticApp, type StaticApp } from './static-apps.ts';

export const SESSION_COOKIE = 'kds_session';

export interface AppOptions {
  handle: DbHandle;
  logger?: boolean | { level: string };
  bodyLimitBytes?: number;
  cookieSecure?: boolean;
  domain?: Partial<DomainConfig>;
  /** Keep-alive: a ping every `pingMs`, the link is dead after `pongWaitMs` without a pong. */
  keepAlive?: { pingMs: number; pongWaitMs: number };
  /** Stripe, or the simulated checkout (the default without keys). */
  stripe?: StripeGateway;
  /** Texts to guests (Twilio); by default they are recorded in the outbox only. */
  sms?: SmsTransport;
  /** Calls to guests (Twilio); by default recorded in the outbox only. */
  calls?: CallTransport;
  /** Email to guests (SMTP); by default recorded in the outbox only. */
  mail?: MailTransport;
  /** Twilio's auth token, to check its status callbacks; without it the route is not served. */
  twilioAuthToken?: string;
  /** Where guests reach this server: payment return URLs. */
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
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): `true` for any,
   * a number of hops, or addresses/CIDRs. Unset: the socket's peer address, headers ignored.
   */
  trustProxy?: boolean | number | string[];
  /** How often open WebSockets are checked for a revoked identity (default 30 s). */
  revalidateMs?: number;
  /** Tries per outgoing message before it is marked failed (default 8). */
  outboxMaxAttempts?: number;
  /** Background jobs (payment expiry); tests that drive them by hand turn them off. */
  jobs?: boolean;
  /** The postcode service for deliveries (POSTCODE_API_URL). */
  postcodes?: PostcodeLookup | null;
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
  const { handle } = options;
  const bodyLimit = options.bodyLimitBytes ?? 64 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // Batched tRPC GETs put every procedure name in one path segment.
    routerOptions: { maxParamLength: 5000 },
    // While draining, new requests get 503 so a load balancer moves them to another instance.
    return503OnClosing: true,
    // Behind a load balancer, the client's address comes from X-Forwarded-For (TRUST_PROXY);
    // without it every guest would share the balancer's address and its per-address limits.
    ...(options.trustProxy !== undefined ? { trustProxy: trustedProxies(options.trustProxy) } : {}),
  });
  // The client's address as Fastify works it out (TRUST_PROXY), kept for WebSocket upgrades:
  // the WebSocket side is handed the raw request. One answer to "who is this" for both.
  const upgradeAddresses = new WeakMap<IncomingMessage, string>();
  app.addHook('onRequest', async (request) => {
    if (request.headers.upgrade) upgradeAddresses.set(request.raw, request.ip);
  });
  const socketAddress = (req: IncomingMessage) =>
    upgradeAddresses.get(req) ?? req.socket.remoteAddress ?? 'unknown';

  const log = createEventLog(handle.db);
  const bus = new EventBus(log, { onError: (error) => app.log.error({ err: error }, 'event bus') });
  app.decorate('bus', bus);
  let listener: Listener | undefined;

  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const stripe = options.stripe ?? createSimulatedStripe({ publicUrl });
  const deps = {
    db: handle.db,
    payments: stripe,
    bus,
    log,
    now: options.now ?? (() => new Date()),
    postcodes: options.postcodes ?? null,
    limits: createRateLimits(
      options.ordersPerMinute ? { ordersPerMinute: options.ordersPerMinute } : {},
    ),
    config: {
      sessionTtlMs: 12 * 3600_000,
      maxReplayEvents: 10_000,
      publicUrl,
      // Development only: main.ts requires PICKUP_CODE_PEPPER in production.
      pickupPepper: 'kds-development-pepper-not-a-secret',
      ...options.domain,
    },
  };

  // Set before any plugin: Fastify copies the error handler into a child context when it is
  // registered. A body over the limit gets a tRPC-shaped error: clients see PAYLOAD_TOO_LARGE.
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

  const metrics = registerMetrics(app, {
    db: handle.db,
    now: deps.now,
    ...(options.metricsToken ? { token: options.metricsToken } : {}),
  });
  await app.register(fastifyCookie);
  // Other origins reach the API only when listed; they may send the session cookie then.
  const listed = new Set(options.corsOrigins ?? []);
  await app.register(fastifyCors, {
    origin: (origin, callback) => callback(null, origin !== undefined && listed.has(origin)),
    credentials: true,
  });
  // CSRF: SameSite=Lax keeps the cookie off cross-site POSTs in browsers that honour it; on
  // top, a mutation authenticated by the cookie must come from our own page or a listed one.
  const trusted = (origin: string | undefined, host: string | undefined) => {
    if (!origin) return false;
    if (listed.has(origin)) return true;
    try {
      const url = new URL(origin);
      return url.host === host || url.origin === new URL(publicUrl).origin;
    } catch {
      return false;
    }
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/trpc')) return;
    if (bearerToken(request.headers) || !cookieToken(app, request.headers.cookie)) return;
    if (trusted(request.headers.origin, request.headers.host)) return;
    request.log.warn(
      { origin: request.headers.origin },
      'cookie mutation from another origin refused',
    );
    return reply.status(403).send({
      error: {
        message: 'refused: this request did not come from the KDS pages (Origin)',
        code: -32_003,
        data: { code: 'FORBIDDEN', httpStatus: 403 },
      },
    });
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: bodyLimit },
    // On shutdown, tell every client to reconnect (to another instance, or to us after a
    // restart) before closing its socket as "going away".
    preClose(done) {
      const reconnect = JSON.stringify({ id: null, method: 'reconnect' });
      for (const client of this.websocketServer.clients) {
        client.send(reconnect);
        client.close(1001, 'server shutting down');
      }
      this.websocketServer.close(() => done());
    },
  });

  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.cookieSecure ?? false,
    path: '/',
  };
  const keepAlive = options.keepAlive ?? { pingMs: 5_000, pongWaitMs: 5_000 };
  // A WebSocket keeps the identity it connected with; this cuts it off once that identity is
  // revoked (screen unpaired, staff deactivated or re-roled, session ended or expired).
  const signedIn = watchSignedInSockets(
    handle.db,
    deps.now,
    options.revalidateMs ?? 30_000,
    app.log,
  );

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    useWSS: true,
    trpcOptions: {
      router: appRouter,
      keepAlive: { enabled: true, ...keepAlive },
      experimental_encoder: eventFrameEncoder(),
      createContext: ({ req, res, info }) => {
        // On WebSocket connections the adapter passes the raw IncomingMessage, not a FastifyRequest.
        const isWebSocket = !('raw' in (req as object));
        const headers = (req as { headers: IncomingHttpHeaders }).headers;
        // A WebSocket opened by another site's page does not get to use our cookie.
        const cookie =
          !isWebSocket || trusted(headers.origin, headers.host)
            ? cookieToken(app, headers.cookie)
            : undefined;
        const token = isWebSocket
          ? (paramToken(info.connectionParams) ?? cookie)
          : (bearerToken(headers) ?? cookie);
        if (isWebSocket && token) signedIn.watch(res as unknown as WebSocket, token);
        return createApiContext(deps, {
          token,
          ip: isWebSocket
            ? socketAddress(req as unknown as IncomingMessage)
            : (req as { ip: string }).ip,
          ...(isWebSocket
            ? {}
            : {
                sessionCookie: {
                  set: (value, expires) =>
                    void res.setCookie(SESSION_COOKIE, value, { ...cookieOptions, expires }),
                  clear: () => void res.clearCookie(SESSION_COOKIE, cookieOptions),
                },
              }),
        });
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  for (const staticApp of options.staticApps ?? []) await serveStaticApp(app, staticApp);
  if (options.twilioAuthToken) {
    await registerTwilioRoutes(app, {
      authToken: options.twilioAuthToken,
      publicUrl,
      context: () => createApiContext(deps, { token: undefined }),
    });
  }
  await registerPaymentRoutes(app, {
    onOutcome: (outcome) => metrics.webhook('stripe', outcome),
    gateway: stripe,
    db: handle.db,
    context: () => createApiContext(deps, { token: undefined }),
  });

  await registerExportRoutes(app, {
    context: (request) =>
      createApiContext(deps, {
        token: bearerToken(request.headers) ?? cookieToken(app, request.headers.cookie),
        ip: request.ip,
      }),
  });

  await registerQrRoutes(app, {
    publicUrl,
    context: (request) =>
      createApiContext(deps, {
        token: bearerToken(request.headers) ?? cookieToken(app, request.headers.cookie),
        ip: request.ip,
      }),
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await handle.ping();
      return { ok: true, database: handle.driver };
    } catch (error) {
      app.log.warn({ err: error }, 'database not reachable');
      return reply.status(503).send({ ok: false, database: handle.driver });
    }
  });

  const note = (what: Record<string, unknown>, message: string) => app.log.info(what, message);
  const jobs = createJobs(
    deps,
    {
      stripe,
      sms: options.sms ?? recordedSms(note),
      calls: options.calls ?? recordedCalls(note),
      mail: options.mail ?? recordedMail(note),
    },
    app.log,
    options.outboxMaxAttempts ? { maxAttempts: options.outboxMaxAttempts } : {},
  );
  app.decorate('jobs', jobs);
  app.addHook('onReady', async () => {
    listener = await listenForEvents(bus, handle, {
      ...(options.eventPollMs !== undefined ? { pollMs: options.eventPollMs } : {}),
    });
    if (options.jobs !== false) jobs.start();
  });
  limitConnectionsPerAddress(app.websocketServer, {
    max: options.wsMaxConnectionsPerAddress ?? 1000,
    addressOf: socketAddress,
  });
  const stopCutting = cutSlowConsumers(app.websocketServer, {
    maxBytes: options.wsMaxBufferedBytes ?? 4 * 1024 * 1024,
    onCut: () => {
      metrics.slowConsumerCut();
      app.log.warn('cut off a WebSocket client that was not reading (slow consumer)');
    },
  });
  app.addHook('onClose', async () => {
    stopCutting();
    signedIn.stop();
    jobs.stop();
    await listener?.close();
    bus.close();
  });

  return app;
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function cookieToken(app: FastifyInstance, header: string | undefined): string | undefined {
  return header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
}

function paramToken(
  params: Record<string, string | undefined> | null | undefined,
): string | undefined {
  const token = params?.token;
  return typeof token === 'string' ? token : undefined;
}

/** Fastify's form of TRUST_PROXY: a number of hops becomes "the nearest n proxies". */
function trustedProxies(trust: boolean | number | string[]) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}
