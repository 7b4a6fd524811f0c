import { createApiContext, type ApiDeps } from '@kds/api';
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'kds_session';

/** Where a request's identity comes from: the bearer token, else the session cookie. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export function cookieToken(app: FastifyInstance, header: string | undefined): string | undefined {
  return header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
}

/** The API context of a plain HTTP request (file routes): who it is, from where. */
export function requestContext(app: FastifyInstance, deps: ApiDeps) {
  return (request: { headers: IncomingHttpHeaders; ip: string }) =>
    createApiContext(deps, {
      token: bearerToken(request.headers) ?? cookieToken(app, request.headers.cookie),
      ip: request.ip,
      transport: 'http',
    });
}

/** The API context of what the server does on its own (jobs, provider webhooks): no one. */
export function internalContext(deps: ApiDeps) {
  return () => createApiContext(deps, { token: undefined, transport: 'internal' });
}

/** A WebSocket's token, sent in its connection parameters. */
export function paramToken(
  params: Record<string, string | undefined> | null | undefined,
): string | undefined {
  const token = params?.token;
  return typeof token === 'string' ? token : undefined;
}

/**
 * Whether a browser request came from our own pages (or a listed origin): the condition for
 * using the session cookie on a mutation or a WebSocket.
 */
export function originTrust(listed: Set<string>, publicUrl: string) {
  const ours = new URL(publicUrl).origin;
  return (origin: string | undefined, host: string | undefined): boolean => {
    if (!origin) return false;
    if (listed.has(origin)) return true;
    try {
      const url = new URL(origin);
      return url.host === host || url.origin === ours;
    } catch {
      return false;
    }
  };
}

/**
 * CSRF: SameSite=Lax keeps the cookie off cross-site POSTs in browsers that honour it; on top,
 * a mutation authenticated by the cookie must come from our own page or a listed one.
 */
export function refuseCrossSiteCookieMutations(
  app: FastifyInstance,
  trusted: ReturnType<typeof originTrust>,
) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/trpc')) return;
    if (bearerToken(request.headers) || !cookieToken(app, request.headers.cookie)) return;
    if (trusted(request.headers.origin, request.headers.host)) return;
    request.log.warn('cookie mutation from another origin refused');
    return reply.status(403).send({
      error: {
        message: 'refused: this request did not come from the KDS pages (Origin)',
        code: -32_003,
        data: { code: 'FORBIDDEN', httpStatus: 403 },
      },
    });
  });
}
