import { LiveHandoff } from '@kds/api';
import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';

/** The part of a socket a live group writes to. */
export interface FrameSocket {
  readonly readyState: number;
  send(frame: string): void;
}

const OPEN = 1;

/**
 * The WebSocket encoder of one connection: JSON, byte for byte what tRPC's default encoder
 * writes, but an event is stringified once however many subscribers it goes to, and a live
 * handoff (`LiveHandoff`) is taken up: the subscription joins its group, which from then on
 * writes its frames to `socket` directly, built from the same two halves. Only the head
 * (subscription id) is per subscriber; the tail (event id and body) is built once per item.
 */
export function eventFrameEncoder(
  limits: { maxBatch: number; neverBatched: ReadonlySet<string> } = {
    maxBatch: Infinity,
    neverBatched: new Set(),
  },
  socket?: FrameSocket,
): Encoder {
  return {
    encode(message) {
      const tracked = trackedData(message);
      if (!tracked) return jsonEncoder.encode(message);
      const { id, jsonrpc, eventId, event } = tracked;
      const head = frameHead(id, jsonrpc);
      if (event instanceof LiveHandoff) {
        if (socket) {
          event.join({
            deliver: (item: { seq: number }) => {
              if (socket.readyState === OPEN) socket.send(head + frameTail(String(item.seq), item));
            },
          });
        }
        return head + frameTail(eventId, event.item as object);
      }
      return head + frameTail(eventId, event);
    },
    decode(data) {
      const message: unknown = jsonEncoder.decode(data);
      if (Array.isArray(message)) refuseBatch(message, limits);
      return message;
    },
  };
}

/** `{"id":1,"jsonrpc":"2.0",` as tRPC's adapter orders the keys of a response. */
function frameHead(id: string | number | null, jsonrpc: string | undefined): string {
  return `{"id":${JSON.stringify(id)},${jsonrpc === undefined ? '' : `"jsonrpc":${JSON.stringify(jsonrpc)},`}`;
}

// Shared by every connection: an item (a committed event, or a group's view of one) is handed
// to all of its subscribers as the same object.
const tails = new WeakMap<object, { eventId: string; tail: string }>();

/**
 * `"result":{"type":"data","data":{"id":"7","data":{...}},"id":"7"}}`: the adapter builds the
 * result as `{type, data}`, then adds `id` and replaces `data`, so `id` comes last.
 */
function frameTail(eventId: string, item: object): string {
  const cached = tails.get(item);
  if (cached?.eventId === eventId) return cached.tail;
  const id = JSON.stringify(eventId);
  const tail = `"result":{"type":"data","data":{"id":${id},"data":${JSON.stringify(item)}},"id":${id}}}`;
  tails.set(item, { eventId, tail });
  return tail;
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
