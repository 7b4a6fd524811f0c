import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Cuts off a WebSocket whose unsent data has grown past `maxBytes`: a screen on a stalled link
 * or too slow to read would otherwise make the server hold every event for it, without bound.
 * Nothing is lost by the cut: the client reconnects and resumes from its last event id, which
 * is replayed from the log (or answered with a resync when it is too far behind).
 */
export function cutSlowConsumers(
  wss: WebSocketServer,
  options: { maxBytes: number; everyMs?: number; onCut?: () => void },
): () => void {
  const timer = setInterval(() => {
    for (const client of wss.clients) {
      if (client.bufferedAmount <= options.maxBytes) continue;
      client.terminate();
      options.onCut?.();
    }
  }, options.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * At most `max` open WebSockets per client address; past it a new one is closed with 1013
 * (try again later). Guests on a venue's Wi-Fi share an address, hence a generous limit.
 */
export function limitConnectionsPerAddress(
  wss: WebSocketServer,
  options: { max: number; addressOf: (request: IncomingMessage) => string },
): void {
  const open = new Map<string, number>();
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = options.addressOf(request);
    const count = (open.get(address) ?? 0) + 1;
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    if (count > options.max) socket.close(1013, 'too many connections from this address');
  });
}
