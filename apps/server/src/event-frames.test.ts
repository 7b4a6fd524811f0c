import { LiveHandoff, type LiveMember } from '@kds/api';
import { initTRPC, tracked } from '@trpc/server';
import {
  getWSConnectionHandler,
  type Encoder,
  type WSSHandlerOptions,
} from '@trpc/server/adapters/ws';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { eventFrameEncoder } from './event-frames.ts';

const event = { seq: 7, type: 'order.placed', at: '2026-11-22T12:00:00.000Z', payload: { n: 1 } };
const frame = (subscription: number | string, value: object = event) => ({
  id: subscription,
  jsonrpc: '2.0',
  result: { type: 'data', id: '7', data: { id: '7', data: value } },
});

describe('eventFrameEncoder', () => {
  it('writes exactly what JSON.stringify would, for events and everything else', () => {
    const encoder = eventFrameEncoder();
    const messages: unknown[] = [
      frame(1),
      frame('a"b'),
      { id: 2, result: { type: 'data', id: '7', data: { id: '7', data: event } } },
      {
        id: 3,
        jsonrpc: undefined,
        result: { type: 'data', id: '7', data: { id: '7', data: event } },
      },
      { id: 4, result: { type: 'started' } },
      { id: 5, result: { type: 'data', data: { plain: true } } },
      { id: 6, result: { type: 'data', id: '8', data: { id: '7', data: event } } },
      { id: 7, error: { message: 'nope', code: -32600 } },
      { id: 8, result: { type: 'data', id: '7', data: { id: '7', data: [1, 2] } } },
      'PONG',
    ];
    for (const message of messages) {
      expect(JSON.parse(encoder.encode(message) as string)).toEqual(
        JSON.parse(JSON.stringify(message)),
      );
    }
  });

  it('stringifies an event once however many subscribers it is sent to', () => {
    const encoder = eventFrameEncoder();
    let stringified = 0;
    const shared = { ...event, toJSON: () => (stringified++, event) };
    const frames = [1, 2, 3, 4].map((subscription) => encoder.encode(frame(subscription, shared)));
    expect(stringified).toBe(1);
    expect(frames.map((f) => JSON.parse(f as string).id)).toEqual([1, 2, 3, 4]);
    expect(JSON.parse(frames[3] as string).result.data.data).toEqual(event);
  });
});

/** A socket as tRPC's WebSocket adapter uses it, recording what is sent. */
function recordingSocket() {
  const socket = Object.assign(new EventEmitter(), {
    readyState: 1,
    sent: [] as string[],
    send(data: unknown) {
      socket.sent.push(String(data));
    },
    close() {},
  });
  return socket;
}

// Non-ASCII, escapes, quotes, an astral character and a lone surrogate.
const items = [
  { seq: 7, type: 'order.placed', name: 'Crème brûlée', note: 'naïve "rare"\n\\ \u0001' },
  { seq: 8, type: 'ticket.bumped', name: 'お好み焼き 🍳', station: 'Гриль' },
  { seq: 9, type: 'ticket.recalled', odd: '\ud800 alone', empty: {} },
];

/**
 * Runs tRPC's own WebSocket adapter on one subscription and returns the frames it sends. With
 * `handoff`, the stream offers its first item as a handoff and stops; whoever joins it is sent
 * the remaining items by hand, as a live group would.
 */
async function framesFrom(
  encoder: (socket: ReturnType<typeof recordingSocket>) => Encoder | undefined,
  request: { id: number | string; jsonrpc?: '2.0' },
  handoff: boolean,
): Promise<string[]> {
  const t = initTRPC.create();
  const members: LiveMember<(typeof items)[number]>[] = [];
  const router = t.router({
    live: t.procedure.subscription(async function* ({ signal }) {
      if (handoff) {
        const [first] = items;
        if (!first) return;
        yield tracked('7', new LiveHandoff(first, (m) => members.push(m) > 0));
      } else {
        for (const item of items) yield tracked(String(item.seq), item);
      }
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
    }),
  });
  const socket = recordingSocket();
  const chosen = encoder(socket);
  getWSConnectionHandler({
    router,
    createContext: () => ({}),
    ...(chosen ? { experimental_encoder: chosen } : {}),
  } as unknown as WSSHandlerOptions<typeof router>)(
    socket as unknown as WebSocket,
    { url: '/trpc', headers: { host: 'kds.test' } } as IncomingMessage,
  );
  const message = { ...request, method: 'subscription', params: { path: 'live', input: null } };
  socket.emit('message', Buffer.from(JSON.stringify(message)), false);
  await vi.waitFor(() => expect(socket.sent.length + members.length).toBeGreaterThanOrEqual(2));
  for (const member of members) for (const item of items.slice(1)) member.deliver(item);
  await vi.waitFor(() => expect(socket.sent).toHaveLength(4));
  const sent = [...socket.sent];
  socket.emit('close');
  return sent;
}

describe('frames written by a live group', () => {
  const requests = [
    { id: 1 },
    { id: 1, jsonrpc: '2.0' as const },
    { id: 'a"b\\c' },
    { id: 'ünï-ид-🍳', jsonrpc: '2.0' as const },
  ];
  it.each(requests)('are byte for byte what tRPC writes itself (%o)', async (request) => {
    const reference = await framesFrom(() => undefined, request, false);
    const perSubscriber = await framesFrom(() => eventFrameEncoder(), request, false);
    const grouped = await framesFrom(
      (socket) => eventFrameEncoder(undefined, socket),
      request,
      true,
    );
    expect(reference[0]).toContain('"started"');
    expect(perSubscriber).toEqual(reference);
    expect(grouped).toEqual(reference);
  });
});
