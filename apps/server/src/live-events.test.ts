import { afterAll, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import WebSocket from 'ws';
import {
  connect,
  createFixture,
  startServer,
  subscribeKitchen,
  type Client,
  type Fixture,
  type Server,
  closeAll,
} from './test/harness.ts';
import { rawKitchenSocket } from './test/raw-socket.ts';

let fx: Fixture;
let server: Server;
let token: string;
let customer: Client;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db);
  customer = connect(server);
  token = await fx.login(customer, 'kitchen@demo.test');
});
afterAll(closeAll);

function kitchenClient(retryDelayMs?: number): Client {
  const client = connect(server, token, retryDelayMs);
  onTestFinished(() => client.close());
  return client;
}

const placeOrders = async (n: number) => {
  const results = [];
  for (let i = 0; i < n; i++) results.push(await customer.trpc.order.place.mutate(fx.order()));
  return results;
};

const isSequential = (ids: string[]) =>
  ids.every((id, i) => i === 0 || Number(id) === Number(ids[i - 1]) + 1);

describe('kitchen.onEvent over WebSocket', () => {
  test('a subscriber receives order.placed for a new order', async () => {
    const kitchen = kitchenClient();
    const { cursor } = await kitchen.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchen, { lastEventId: cursor });
    const [order] = await placeOrders(1);
    await vi.waitFor(() => expect(received.data).toHaveLength(1));
    expect(received.data[0]).toMatchObject({ type: 'order.placed', orderId: order?.orderId });
    expect(received.ids).toEqual([String(Number(cursor) + 1)]);
    unsubscribe();
  });

  test('resuming from the last id after a disconnect yields exactly the missed 50, in order', async () => {
    const first = kitchenClient();
    const { cursor } = await first.trpc.kitchen.tickets.query({});
    const before = subscribeKitchen(first, { lastEventId: cursor });
    await placeOrders(1);
    await vi.waitFor(() => expect(before.received.ids).toHaveLength(1));
    first.close();
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(0));

    const missed = await placeOrders(50);
    const second = kitchenClient();
    const after = subscribeKitchen(second, { lastEventId: before.received.ids[0] });
    await vi.waitFor(() => expect(after.received.ids).toHaveLength(50));
    expect(after.received.data.map((e) => e.orderId)).toEqual(missed.map((o) => o.orderId));
    expect(new Set(after.received.ids).size).toBe(50);
    expect(isSequential(after.received.ids)).toBe(true);
    expect(Number(after.received.ids[0])).toBe(Number(before.received.ids[0]) + 1);
    after.unsubscribe();
  });

  test('the client reconnects by itself after the server drops it and resumes without gap or duplicate', async () => {
    const kitchen = kitchenClient(300);
    const { cursor } = await kitchen.trpc.kitchen.tickets.query({});
    const { received, unsubscribe } = subscribeKitchen(kitchen, { lastEventId: cursor });
    await placeOrders(2);
    await vi.waitFor(() => expect(received.ids).toHaveLength(2));

    for (const socket of server.app.websocketServer.clients) socket.terminate();
    const duringOutage = await placeOrders(50);
    const afterwards = await placeOrders(3);

    await vi.waitFor(() => expect(received.ids).toHaveLength(55), { timeout: 10_000 });
    const orderIds = received.data.map((e) => e.orderId);
    expect(orderIds.slice(2)).toEqual([...duringOutage, ...afterwards].map((o) => o.orderId));
    expect(new Set(received.ids).size).toBe(55);
    expect(isSequential(received.ids)).toBe(true);
    unsubscribe();
  });

  test('unsubscribing leaves no listener on the bus', async () => {
    const kitchen = kitchenClient();
    const subs = [subscribeKitchen(kitchen), subscribeKitchen(kitchen), subscribeKitchen(kitchen)];
    // Three subscriptions with one view, live: one listener on the bus, their shared tail.
    await vi.waitFor(() => expect(subs.every((s) => s.received.started)).toBe(true));
    await vi.waitFor(() => expect(server.app.bus.listenerCount(fx.storeId)).toBe(1));
    for (const s of subs) s.unsubscribe();
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(0));
  });

  test('closing the socket also leaves no listener', async () => {
    const kitchen = kitchenClient();
    subscribeKitchen(kitchen);
    await vi.waitFor(() => expect(server.app.bus.listenerCount(fx.storeId)).toBe(1));
    kitchen.close();
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(0));
  });
});

describe('tracker.onOrder over WebSocket', () => {
  test('the token holder sees the order move to READY, live', async () => {
    const kitchen = kitchenClient();
    const order = await customer.trpc.order.place.mutate(fx.order());
    const statuses: string[] = [];
    const sub = customer.trpc.tracker.onOrder.subscribe(
      { trackingToken: order.trackingToken },
      { onData: ({ data }) => statuses.push(data.status) },
    );
    await vi.waitFor(() => expect(statuses).toEqual(['PLACED']));
    await kitchen.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
    await vi.waitFor(() => expect(statuses).toEqual(['PLACED', 'PREPARING', 'READY']));
    sub.unsubscribe();
  });

  test('an unknown token is NOT_FOUND and yields nothing', async () => {
    const errors: unknown[] = [];
    const data: unknown[] = [];
    const sub = customer.trpc.tracker.onOrder.subscribe(
      { trackingToken: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { onData: (d) => data.push(d), onError: (e) => errors.push(e) },
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ data: { code: 'NOT_FOUND' } });
    expect(data).toEqual([]);
    sub.unsubscribe();
  });
});

describe('keep-alive', () => {
  test('a client that stops answering is cut off, and its subscriptions with it', async () => {
    // The harness pings after 1 s of silence and waits 1 s for an answer.
    const { messages, closed } = await rawKitchenSocket(server.url, token);
    await vi.waitFor(() => expect(server.app.bus.listenerCount(fx.storeId)).toBe(1));
    // From here on the client is silent, like a screen whose network died.
    await closed;
    expect(messages).toContain('PING');
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(0));
  });
});

describe('shutdown', () => {
  test('tells WebSocket clients to reconnect before closing', async () => {
    const own = await startServer(fx.db);
    const socket = new WebSocket(`ws://${own.url}/trpc`);
    const messages: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data) => messages.push(String(data)));
    await new Promise((resolve) => socket.on('open', resolve));
    await own.close();
    expect(await closed).toBe(1001);
    expect(messages.map((m) => JSON.parse(m))).toContainEqual({ id: null, method: 'reconnect' });
  });
});
