import { HandoffSlot, liveStream, LiveGroups, type LiveCarrier } from '@kds/api';
import { initTRPC } from '@trpc/server';
import { getWSConnectionHandler, type WSSHandlerOptions } from '@trpc/server/adapters/ws';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
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

// Non-ASCII, escapes, quotes, an astral character and a lone surrogate.
const items = [
  { seq: 7, type: 'order.placed', name: 'Crème brûlée', note: 'naïve "rare"\n\\ \u0001' },
  { seq: 8, type: 'ticket.bumped', name: 'お好み焼き 🍳', station: 'Гриль' },
  { seq: 9, type: 'ticket.recalled', odd: '\ud800 alone', empty: {} },
];

type Item = (typeof items)[number];

/**
 * Runs tRPC's own WebSocket adapter on one subscription, over a real socket, and returns the
 * messages a real client receives, as the bytes of each. With `grouped`, the subscription goes
 * through `liveStream` on a connection with a handoff slot, as the server's are: it yields the
 * first item itself, and once the encoder has given its carrier a member, the rest go through
 * that member (prebuilt frames written straight to the socket), as its live group would.
 */
async function framesFrom(
  request: { id: number | string; jsonrpc?: '2.0' },
  encoder: 'tRPC' | 'ours' | 'grouped',
): Promise<Buffer[]> {
  const t = initTRPC.context<{ liveGroups?: LiveGroups; handoffs?: HandoffSlot }>().create();
  const router = t.router({
    live: t.procedure.subscription(async ({ ctx, signal }) =>
      liveStream<Item>(ctx, 'kitchen', async ({ live }) =>
        (async function* () {
          const [first, ...rest] = items;
          if (first) yield first;
          const carrier: LiveCarrier<Item> | undefined = live?.carrier;
          if (!carrier) {
            yield* rest;
          } else {
            await vi.waitFor(() => expect(carrier.member).not.toBeNull());
            for (const item of rest) carrier.member?.deliver(item);
          }
          await new Promise((resolve) => signal?.addEventListener('abort', resolve));
        })(),
      ),
    ),
  });
  const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  await once(server, 'listening');
  server.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const handoffs = new HandoffSlot();
    const groups = new LiveGroups(undefined as never);
    const chosen =
      encoder === 'tRPC'
        ? {}
        : encoder === 'ours'
          ? { experimental_encoder: eventFrameEncoder() }
          : { experimental_encoder: eventFrameEncoder(undefined, { socket, handoffs }) };
    getWSConnectionHandler({
      router,
      createContext: () => (encoder === 'grouped' ? { liveGroups: groups, handoffs } : {}),
      ...chosen,
    } as unknown as WSSHandlerOptions<typeof router>)(socket, req);
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  client.on('message', (data: Buffer, isBinary) => {
    if (isBinary) throw new Error('a binary frame');
    received.push(data);
  });
  await once(client, 'open');
  const message = { ...request, method: 'subscription', params: { path: 'live', input: null } };
  client.send(JSON.stringify(message));
  await vi.waitFor(() => expect(received).toHaveLength(4));
  client.close();
  await new Promise((resolve) => server.close(resolve));
  return received;
}

describe('frames written by a live group', () => {
  const requests = [
    { id: 1 },
    { id: 1, jsonrpc: '2.0' as const },
    { id: 'a"b\\c' },
    { id: 'ünï-ид-🍳', jsonrpc: '2.0' as const },
  ];
  it.each(requests)('are byte for byte what tRPC writes itself (%o)', async (request) => {
    const reference = await framesFrom(request, 'tRPC');
    const perSubscriber = await framesFrom(request, 'ours');
    const grouped = await framesFrom(request, 'grouped');
    expect(String(reference[0])).toContain('"started"');
    expect(perSubscriber).toEqual(reference);
    expect(grouped).toEqual(reference);
  });
});

describe('a live group writer', () => {
  it('ends the connection when a frame cannot be written, rather than leave a gap', () => {
    const handoffs = new HandoffSlot();
    let terminated = false;
    // A socket whose TCP stream refuses the write.
    const socket = {
      readyState: WebSocket.OPEN,
      _socket: {
        write() {
          throw new Error('write after end');
        },
      },
      terminate: () => (terminated = true),
    } as unknown as WebSocket;
    const encoder = eventFrameEncoder(undefined, { socket, handoffs });
    const carrier: LiveCarrier<Item> = { member: null };
    handoffs.offer(carrier as LiveCarrier<never>);
    encoder.encode({ id: 1, result: { type: 'started' } });
    expect(carrier.member).not.toBeNull();
    carrier.member?.deliver({ seq: 10, type: 'ticket.bumped', name: 'x', station: 'y' });
    expect(terminated).toBe(true);
  });
});
