import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { createFixture, startServer, type Fixture, type Server, closeAll } from './test/harness.ts';

let fx: Fixture;
let direct: Server;
let behindProxy: Server;

beforeAll(async () => {
  fx = await createFixture();
  // One order a minute per address makes "whose address is this" visible.
  direct = await startServer(fx.db, { ordersPerMinute: 1 });
  behindProxy = await startServer(fx.db, {
    ordersPerMinute: 1,
    trustProxy: true,
    wsMaxConnectionsPerAddress: 3,
  });
});
afterAll(closeAll);

async function overHttp(server: Server, forwardedFor: string): Promise<string> {
  const response = await fetch(`http://${server.url}/trpc/order.place`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify(fx.order()),
  });
  return response.ok ? 'placed' : `refused ${response.status}`;
}

async function overWebSocket(server: Server, forwardedFor: string): Promise<string> {
  const socket = new WebSocket(`ws://${server.url}/trpc`, {
    headers: { 'x-forwarded-for': forwardedFor },
  });
  await new Promise((resolve) => socket.once('open', resolve));
  socket.send(
    JSON.stringify({
      id: 1,
      method: 'mutation',
      params: { path: 'order.place', input: fx.order() },
    }),
  );
  const reply = JSON.parse(
    String(await new Promise((resolve) => socket.once('message', resolve))),
  ) as { result?: unknown; error?: { data: { httpStatus: number } } };
  socket.close();
  return reply.result ? 'placed' : `refused ${reply.error?.data.httpStatus}`;
}

describe('the client address behind a proxy', () => {
  test('without TRUST_PROXY, X-Forwarded-For is ignored: it cannot buy a second allowance', async () => {
    expect(await overHttp(direct, '203.0.113.1')).toBe('placed');
    expect(await overHttp(direct, '203.0.113.2')).toBe('refused 429');
    expect(await overWebSocket(direct, '203.0.113.3')).toBe('refused 429');
  });

  test('with TRUST_PROXY, each guest behind the balancer has its own allowance, over HTTP and WebSocket alike', async () => {
    expect(await overHttp(behindProxy, '198.51.100.1')).toBe('placed');
    expect(await overWebSocket(behindProxy, '198.51.100.1')).toBe('refused 429');
    expect(await overWebSocket(behindProxy, '198.51.100.2')).toBe('placed');
    expect(await overHttp(behindProxy, '198.51.100.2')).toBe('refused 429');
  });
});

describe('WebSockets per address', () => {
  test('past the limit a new WebSocket from that address is closed with 1013; others connect', async () => {
    const open = (forwardedFor: string) =>
      new Promise<{ socket: WebSocket; closed: Promise<number> }>((resolve) => {
        const socket = new WebSocket(`ws://${behindProxy.url}/trpc`, {
          headers: { 'x-forwarded-for': forwardedFor },
        });
        const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
        socket.once('open', () => resolve({ socket, closed }));
      });
    const three = await Promise.all([1, 2, 3].map(() => open('192.0.2.7')));
    const fourth = await open('192.0.2.7');
    expect(await fourth.closed).toBe(1013);
    const neighbour = await open('192.0.2.8');
    expect(neighbour.socket.readyState).toBe(WebSocket.OPEN);
    // Once one of the three closes, the address may open another.
    three[0]?.socket.close();
    await three[0]?.closed;
    const again = await open('192.0.2.7');
    // A refused socket is closed as it connects: one answered request shows this one was not.
    again.socket.send(
      JSON.stringify({
        id: 1,
        method: 'query',
        params: { path: 'menu.forStore', input: { storeSlug: 'demo' } },
      }),
    );
    await new Promise((resolve) => again.socket.once('message', resolve));
    expect(again.socket.readyState).toBe(WebSocket.OPEN);
    for (const s of [...three, neighbour, again]) s.socket.close();
  });
});
