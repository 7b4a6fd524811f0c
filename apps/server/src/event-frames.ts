import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';

/**
 * The WebSocket encoder: JSON, like tRPC's default, but an event is stringified once however
 * many subscribers it goes to. Every subscriber of a store is handed the same committed event
 * object by the bus; tRPC's adapter would stringify it once per subscriber, which at 1,000
 * kitchen screens is most of the server's work per event. Only the small envelope around it
 * (subscription id, event id) is built per subscriber.
 */
export function eventFrameEncoder(): Encoder {
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
    decode: jsonEncoder.decode,
  };
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
