import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';

/**
 * The WebSocket encoder: JSON, like tRPC's default, but an event is stringified once however
 * many subscribers it goes to. Every subscriber of a store is handed the same committed event
 * object by the bus; tRPC's adapter would stringify it once per subscriber, which at 1,000
 * kitchen screens is most of the server's work per event. Only the small envelope around it
 * (subscription id, event id) is built per subscriber.
 */
export function eventFrameEncoder(
  limits: { maxBatch: number; neverBatched: ReadonlySet<string> } = {
    maxBatch: Infinity,
    neverBatched: new Set(),
  },
): Encoder {
  const serialized = new WeakMap<object, string>();
  const once = (event: object) => {
    let json = serialized.get(event);
    if (json === undefined) {
      json = JSON.stringify(event);
      serialized.set(event, json);
    }
    return json;
  };
  return {
    encode(message) {
      const tracked = trackedData(message);
      if (!tracked) return jsonEncoder.encode(message);
      const { id, jsonrpc, eventId, event } = tracked;
      const eventIdJson = JSON.stringify(eventId);
      return (
        `{"id":${JSON.stringify(id)},${jsonrpc === undefined ? '' : `"jsonrpc":${JSON.stringify(jsonrpc)},`}` +
        `"result":{"type":"data","id":${eventIdJson},"data":{"id":${eventIdJson},"data":${once(event)}}}}`
      );
    },
    decode(data) {
      const message: unknown = jsonEncoder.decode(data);
      if (Array.isArray(message)) refuseBatch(message, limits);
      return message;
    },
  };
}

/**
 * A frame may carry several calls, and tRPC runs them side by side: its queries and mutations
 * are bounded like an HTTP batch, and a call that tries a secret never shares a frame (its
 * guesses would all run before any of them counts). Subscriptions are counted elsewhere, per
 * principal. Throwing here refuses the whole frame: none of its calls runs.
 */
function refuseBatch(
  messages: unknown[],
  limits: { maxBatch: number; neverBatched: ReadonlySet<string> },
): void {
  const calls = messages.filter(
    (m) => isRecord(m) && (m.method === 'query' || m.method === 'mutation'),
  ) as Record<string, unknown>[];
  if (calls.length > limits.maxBatch) {
    throw new Error(`at most ${limits.maxBatch} queries and mutations per message`);
  }
  if (messages.length < 2) return;
  for (const call of calls) {
    const path = isRecord(call.params) ? call.params.path : undefined;
    if (typeof path === 'string' && limits.neverBatched.has(path)) {
      throw new Error(`${path} cannot be batched; send it alone`);
    }
  }
}

/** A subscription message carrying a `tracked()` event, exactly as tRPC's adapter builds it. */
function trackedData(message: unknown) {
  if (!isRecord(message) || !only(message, ['id', 'jsonrpc', 'result'])) return null;
  const { id, jsonrpc, result } = message;
  if (!isRecord(result) || !only(result, ['type', 'id', 'data'])) return null;
  if (result.type !== 'data' || typeof result.id !== 'string') return null;
  const { data } = result;
  if (!isRecord(data) || !only(data, ['id', 'data'])) return null;
  if (data.id !== result.id || !isRecord(data.data)) return null;
  if (typeof id !== 'string' && typeof id !== 'number' && id !== null) return null;
  if (jsonrpc !== undefined && typeof jsonrpc !== 'string') return null;
  return { id, jsonrpc, eventId: result.id, event: data.data };
}

function only(record: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
