import { EVENTS_CHANNEL } from '@kds/api';
import { orderEvents, orders, stores } from '@kds/db';
import { appendSyntheticEvents } from '@kds/db/testing/synthetic-events';
import { and, count, eq, gt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
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
let customer: Client;
let token: string;

beforeAll(async () => {
  fx = await createFixture();
  // A small backlog limit, and keep-alive out of the way: only the backlog may cut a screen.
  server = await startServer(fx.db, {
    wsMaxBufferedBytes: 16 * 1024,
    keepAlive: { pingMs: 120_000, pongWaitMs: 120_000 },
  });
  customer = connect(server);
  token = await fx.login(customer, 'kitchen@demo.test');
});
afterAll(closeAll);

const head = async () =>
  (await fx.db.db.select({ seq: stores.eventSeq }).from(stores).where(eq(stores.id, fx.storeId)))[0]
    ?.seq ?? 0;
const orderCount = async () =>
  (await fx.db.db.select({ n: count() }).from(orders).where(eq(orders.storeId, fx.storeId)))[0]
    ?.n ?? 0;

describe('WebSocket limits', () => {
  test('an oversized message closes that socket (1009) and runs nothing', async () => {
    const before = await orderCount();
    const { socket, closed } = await rawKitchenSocket(server.url, token);
    const order = { ...fx.order(), notes: 'x'.repeat(100_000) };
    socket.send(
      JSON.stringify({ id: 2, method: 'mutation', params: { path: 'order.place', input: order } }),
    );
    expect(await closed).toBe(1009);
    expect(await orderCount()).toBe(before);
    // The server itself is unharmed.
    await expect(customer.trpc.order.place.mutate(fx.order())).resolves.toMatchObject({
      status: 'PLACED',
    });
  });

  test('a screen that stops reading is cut off once its backlog passes the limit, and later resumes without a gap', async () => {
    const from = await head();
    const stalled = await rawKitchenSocket(server.url, token, { lastEventId: String(from) });
    await vi.waitFor(() => expect(server.app.bus.listenerCount(fx.storeId)).toBe(1));
    // The screen stops reading: what the server sends piles up, first in the kernel, then in ws.
    stalled.stopReading();
    // Kernel buffers on loopback take tens of MB before anything waits in the server: send
    // large events (32 KB each) until the server has cut the screen off, at most 200 MB.
    let sent = 0;
    while (server.app.bus.listenerCount(fx.storeId) > 0 && sent < 6_400) {
      await appendSyntheticEvents(fx.db.db, {
        storeId: fx.storeId,
        count: 50,
        padBytes: 32 * 1024,
        channel: EVENTS_CHANNEL,
      });
      sent += 50;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.app.bus.listenerCount(fx.storeId)).toBe(0);
    expect(server.app.websocketServer.clients.size).toBeLessThanOrEqual(1);
    stalled.socket.terminate();

    // Later, the screen comes back with the last event id it had: everything since, in order.
    const expected = (
      await fx.db.db
        .select({ seq: orderEvents.seq })
        .from(orderEvents)
        .where(
          and(
            eq(orderEvents.storeId, fx.storeId),
            gt(orderEvents.seq, from),
            ne(orderEvents.type, 'order.created'),
          ),
        )
        .orderBy(orderEvents.seq)
    ).map((e) => String(e.seq));
    expect(expected.length).toBe(sent);
    const screen = connect(server, token);
    const { received, unsubscribe } = subscribeKitchen(screen, { lastEventId: String(from) });
    await vi.waitFor(() => expect(received.ids.length).toBeGreaterThanOrEqual(expected.length), {
      timeout: 15_000,
    });
    expect(received.ids.slice(0, expected.length)).toEqual(expected);
    unsubscribe();
    screen.close();
  });
});
