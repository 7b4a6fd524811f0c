import { stillValidTokens } from '@kds/api';
import type { Database } from '@kds/db';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';

/** Close code a client sees when its sign-in was revoked while it was connected. */
export const REVOKED_CLOSE_CODE = 4401;

/**
 * Remembers which token each open WebSocket signed in with and, every `everyMs`, asks the
 * database which of them still work (one query per kind of token, not one per socket). A socket
 * whose token no longer works is closed; if its client reconnects, it does so as nobody.
 */
export function watchSignedInSockets(
  db: Database,
  now: () => Date,
  everyMs: number,
  log: FastifyBaseLogger,
) {
  const sockets = new Map<WebSocket, string>();
  const check = async () => {
    if (sockets.size === 0) return;
    const valid = await stillValidTokens(db, [...new Set(sockets.values())], now());
    for (const [socket, token] of sockets) {
      if (valid.has(token)) continue;
      sockets.delete(socket);
      socket.close(REVOKED_CLOSE_CODE, 'signed out');
    }
  };
  const timer = setInterval(
    () => void check().catch((err: unknown) => log.error({ err }, 'socket revalidation failed')),
    everyMs,
  ).unref();
  return {
    watch(socket: WebSocket, token: string) {
      if (sockets.has(socket)) return;
      sockets.set(socket, token);
      socket.once('close', () => sockets.delete(socket));
    },
    check,
    stop: () => clearInterval(timer),
  };
}
