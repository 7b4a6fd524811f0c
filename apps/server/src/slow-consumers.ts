import type { WebSocketServer } from 'ws';

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
