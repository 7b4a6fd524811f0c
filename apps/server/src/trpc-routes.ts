import fastifyWebsocket from '@fastify/websocket';
import {
  addressKey,
  appRouter,
  createApiContext,
  HandoffSlot,
  procedurePaths,
  type ApiDeps,
  type AppRouter,
  type SessionCookie,
} from '@kds/api';
import { MAX_BATCH, NEVER_BATCHED } from '@kds/api/client';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { getWSConnectionHandler, type WSSHandlerOptions } from '@trpc/server/adapters/ws';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { eventFrameEncoder } from './event-frames.ts';
import {
  bearerToken,
  cookieToken,
  paramToken,
  SESSION_COOKIE,
  type originTrust,
} from './request-auth.ts';
import { cutSlowConsumers, limitConnectionsPerAddress } from './websocket-guards.ts';

/** Close code a client sees when its sign-in was revoked while it was connected. */
export const REVOKED_CLOSE_CODE = 4401;

export interface TrpcRouteOptions {
  deps: ApiDeps;
  bodyLimit: number;
  /** Keep-alive: a ping every `pingMs`, the link is dead after `pongWaitMs` without a pong. */
  keepAlive: { pingMs: number; pongWaitMs: number };
  trusted: ReturnType<typeof originTrust>;
  cookieSecure: boolean;
  wsMaxConnectionsPerAddress: number;
  wsMaxBufferedBytes: number;
  onSlowConsumerCut: () => void;
}

const SUBSCRIPTIONS = new Set(procedurePaths('subscription'));

/** Each WebSocket's handoff slot, shared by its encoder and its calls' context. */
const handoffSlots = new WeakMap<object, HandoffSlot>();

/**
 * `/trpc`: batched HTTP for queries and mutations (at most MAX_BATCH calls a request), the
 * WebSocket for everything, subscriptions included. Every guard that is not in the procedures
 * themselves lives here: per-address connection caps, the slow-consumer cut, the size of a
 * frame, and closing a socket whose identity was revoked. Returns the way to stop its timers.
 */
export async function registerTrpc(app: FastifyInstance, options: TrpcRouteOptions) {
  const { deps, trusted } = options;
  const socketAddress = clientAddresses(app);
  refuseHttpSubscriptions(app);

  await registerWebSockets(app, options.bodyLimit);
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.cookieSecure,
    path: '/',
  };
  const trpcOptions = {
    router: appRouter,
    maxBatchSize: MAX_BATCH,
    keepAlive: { enabled: true, ...options.keepAlive },
    createContext: contextFor(app, deps, trusted, socketAddress, cookieOptions),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      }
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', useWSS: false, trpcOptions });
  // tRPC's WebSocket adapter, with an encoder per connection: it knows the socket, so a
  // subscription that is live can be handed to its group's shared tail (event-frames.ts). The
  // connection's context finds the same handoff slot through the socket.
  const limits = { maxBatch: MAX_BATCH, neverBatched: NEVER_BATCHED };
  app.get('/trpc', { websocket: true }, (socket, request) => {
    releaseUpgrade(socket, request.raw.socket);
    const handoffs = new HandoffSlot();
    handoffSlots.set(socket, handoffs);
    getWSConnectionHandler({
      ...trpcOptions,
      wss: app.websocketServer,
      experimental_encoder: eventFrameEncoder(limits, { socket, handoffs }),
      // The same options tRPC's Fastify plugin hands this handler (`useWSS`): its context and
      // error types name Fastify's request, the handler's name Node's; ours serves both.
    } as unknown as WSSHandlerOptions<AppRouter>)(socket, request.raw);
  });

  limitConnectionsPerAddress(app.websocketServer, {
    max: options.wsMaxConnectionsPerAddress,
    addressOf: (req) => addressKey(socketAddress(req)),
  });
  return cutSlowConsumers(app.websocketServer, {
    maxBytes: options.wsMaxBufferedBytes,
    onCut: options.onSlowConsumerCut,
  });
}

/**
 * The client's address as Fastify works it out (TRUST_PROXY), kept for WebSocket upgrades: the
 * WebSocket side is handed the raw request. One answer to "who is this" for both.
 */
function clientAddresses(app: FastifyInstance) {
  const upgradeAddresses = new WeakMap<IncomingMessage, string>();
  app.addHook('onRequest', async (request) => {
    if (request.headers.upgrade) upgradeAddresses.set(request.raw, request.ip);
  });
  return (req: IncomingMessage) =>
    upgradeAddresses.get(req) ?? req.socket.remoteAddress ?? 'unknown';
}

async function registerWebSockets(app: FastifyInstance, maxPayload: number) {
  await app.register(fastifyWebsocket, {
    // Never compressed: live groups write prebuilt frames past ws's sender (websocket-frames.ts).
    options: { maxPayload, perMessageDeflate: false },
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
}

/**
 * Lets go of what @fastify/websocket keeps for an open socket's whole life and nothing needs
 * once it is open (about 2 KiB a screen): the ServerResponse it routed the upgrade with, still
 * the TCP socket's current message, and Fastify's request and reply with their logger, held by
 * the error listener it adds. An error on the socket still ends it (and tRPC's handler, added
 * next, reports it).
 */
function releaseUpgrade(socket: WebSocket, tcp: Socket): void {
  socket.removeAllListeners('error');
  socket.on('error', () => socket.terminate());
  (tcp as Socket & { _httpMessage?: ServerResponse | null })._httpMessage?.detachSocket(tcp);
}

type CreateContext = NonNullable<
  FastifyTRPCPluginOptions<AppRouter>['trpcOptions']['createContext']
>;

/**
 * Each call's context: who is calling (bearer token or cookie over HTTP, connection params or a
 * same-site cookie over the WebSocket), from where, over what, in how large a batch. A
 * WebSocket keeps the identity it connected with: once that identity is revoked (signed out,
 * suspended, re-roled, unpaired), the socket is closed.
 */
function contextFor(
  app: FastifyInstance,
  deps: ApiDeps,
  trusted: ReturnType<typeof originTrust>,
  socketAddress: (req: IncomingMessage) => string,
  cookieOptions: { httpOnly: boolean; sameSite: 'lax'; secure: boolean; path: string },
): CreateContext {
  return async ({ req, res, info }) => {
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
    const reply = res as FastifyReply;
    const sessionCookie: SessionCookie = {
      set: (value, expires) =>
        void reply.setCookie(SESSION_COOKIE, value, { ...cookieOptions, expires }),
      clear: () => void reply.clearCookie(SESSION_COOKIE, cookieOptions),
    };
    const ctx = await createApiContext(deps, {
      token,
      ip: isWebSocket
        ? socketAddress(req as unknown as IncomingMessage)
        : (req as { ip: string }).ip,
      transport: isWebSocket ? 'websocket' : 'http',
      batchSize: isWebSocket ? 1 : info.calls.length,
      ...(isWebSocket ? { handoffs: handoffSlots.get(res as object) } : {}),
      ...(isWebSocket ? {} : { sessionCookie }),
    });
    if (isWebSocket && ctx.principal) {
      const socket = res as unknown as WebSocket;
      const unwatch = deps.streams.watch(ctx.principal, () =>
        socket.close(REVOKED_CLOSE_CODE, 'signed out'),
      );
      socket.once('close', unwatch);
    }
    return ctx;
  };
}

/**
 * Subscriptions are not served over HTTP (server-sent events): none of the stream guards lives
 * there. Refused before tRPC sees the request, so no stream is opened for it.
 */
function refuseHttpSubscriptions(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.headers.upgrade) return;
    if (!request.url.startsWith('/trpc/')) return;
    let paths: string[];
    try {
      paths = decodeURIComponent(request.url.slice('/trpc/'.length).split('?')[0] ?? '').split(',');
    } catch {
      return; // not a path tRPC can serve either; it answers for itself
    }
    if (!paths.some((path) => SUBSCRIPTIONS.has(path))) return;
    return reply.status(405).send({
      error: {
        message: 'subscriptions are served over the WebSocket (/trpc) only',
        code: -32_005,
        data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 },
      },
    });
  });
}
