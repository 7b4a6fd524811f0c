import type { HandoffSlot } from '@kds/api';
import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';
import type { WebSocket } from 'ws';
import { textFrame, writeFrame } from './websocket-frames.ts';

/** `WebSocket.OPEN`, without loading ws at run time for a constant. */
const OPEN = 1;

/**
 * The WebSocket encoder of one connection: JSON, byte for byte what tRPC's default encoder
 * writes, but an event is stringified once however many subscribers it goes to. Given the
 * connection's socket and handoff slot, it also takes subscriptions up into shared live tails:
 * writing a subscription's "started", it hands the subscription's carrier (`HandoffSlot`) a
 * member that writes that subscription's frames to the socket. Its group then calls the member
 * once per item, and subscribers with the same id share the frame's bytes.
 */
export function eventFrameEncoder(
  limits: { maxBatch: number; neverBatched: ReadonlySet<string> } = {
    maxBatch: Infinity,
    neverBatched: new Set(),
  },
  connection?: { socket: WebSocket; handoffs: HandoffSlot },
): Encoder {
  return {
    encode(message) {
      if (connection) takeUp(message, connection);
      const tracked = trackedData(message);
      if (!tracked) return jsonEncoder.encode(message);
      const { id, jsonrpc, eventId, event } = tracked;
      return frameHead(id, jsonrpc) + frameTail(eventId, event);
    },
    decode(data) {
      const message: unknown = jsonEncoder.decode(data);
      if (Array.isArray(message)) refuseBatch(message, limits);
      return message;
    },
  };
}

/** On a subscription's "started", gives its carrier (if it offered one) a member. */
function takeUp(
  message: unknown,
  { socket, handoffs }: { socket: WebSocket; handoffs: HandoffSlot },
) {
  if (!isRecord(message) || !isRecord(message.result) || message.result.type !== 'started') return;
  const carrier = handoffs.take<object & { seq: number }>();
  const { id, jsonrpc } = message;
  if (!carrier || (typeof id !== 'string' && typeof id !== 'number')) return;
  if (jsonrpc !== undefined && typeof jsonrpc !== 'string') return;
  const head = frameHead(id, jsonrpc);
  carrier.member = {
    deliver(item) {
      if (socket.readyState !== OPEN) return;
      try {
        writeFrame(socket, frameBytes(head, item));
      } catch {
        // A frame that cannot be written must not leave a gap: the screen reconnects and
        // resumes from the last id it has.
        socket.terminate();
      }
    },
  };
}

/** `{"id":1,"jsonrpc":"2.0",` as tRPC's adapter orders the keys of a response. */
function frameHead(id: string | number | null, jsonrpc: string | undefined): string {
  return `{"id":${JSON.stringify(id)},${jsonrpc === undefined ? '' : `"jsonrpc":${JSON.stringify(jsonrpc)},`}`;
}

interface Encoded {
  eventId: string;
  tail: string;
  /** Whole WebSocket frames by head: screens of one app tend to give a subscription the same id. */
  frames?: Map<string, Buffer>;
}

// Shared by every connection: an item (a committed event, or a group's view of one) is handed
// to all of its subscribers as the same object.
const encoded = new WeakMap<object, Encoded>();

function encode(eventId: string, item: object): Encoded {
  const cached = encoded.get(item);
  if (cached?.eventId === eventId) return cached;
  const id = JSON.stringify(eventId);
  const tail = `"result":{"type":"data","data":{"id":${id},"data":${JSON.stringify(item)}},"id":${id}}}`;
  const entry = { eventId, tail };
  encoded.set(item, entry);
  return entry;
}

/**
 * `"result":{"type":"data","data":{"id":"7","data":{...}},"id":"7"}}`: the adapter builds the
 * result as `{type, data}`, then adds `id` and replaces `data`, so `id` comes last.
 */
function frameTail(eventId: string, item: object): string {
  return encode(eventId, item).tail;
}

/** Distinct heads kept per item: ids chosen to defeat the sharing cost a copy each, no more. */
const MAX_SHARED_HEADS = 8;

/** A group's WebSocket frame for one member, built once per head and item. */
function frameBytes(head: string, item: { seq: number }): Buffer {
  const entry = encode(String(item.seq), item);
  entry.frames ??= new Map();
  let frame = entry.frames.get(head);
  if (!frame) {
    frame = textFrame(Buffer.from(head + entry.tail));
    if (entry.frames.size < MAX_SHARED_HEADS) entry.frames.set(head, frame);
  }
  return frame;
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
