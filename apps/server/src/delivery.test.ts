import { createAddressGeocoder } from '@kds/api';
import { outbox, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { createServer, type Server as HttpServer } from 'node:http';
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

// A local geocoder with Nominatim's search shape. The demo store is at 40.7411,-73.9897 and
// delivers within 5 km.
const PLACES: Record<string, [string, string]> = {
  '350 5th Ave, 10118': ['40.7484', '-73.9857'], // about 1 km
  '1 Main St, 10601': ['41.0339', '-73.7629'], // about 37 km
};
let geocoder: HttpServer;
let fx: Fixture;
let server: Server;
let guest: Client;
let manager: Client;
let cook: Client;

beforeAll(async () => {
  geocoder = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    const place = PLACES[q];
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(place ? [{ lat: place[0], lon: place[1] }] : []));
  });
  await new Promise<void>((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
  const address = geocoder.address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  fx = await createFixture();
  const [store] = await fx.db.db.select().from(stores).where(eq(stores.id, fx.storeId));
  if (!store) throw new Error('no store');
  await fx.db.db
    .update(stores)
    .set({
      settings: {
        ...store.settings,
        notifications: { ...store.settings.notifications, sms: true },
      },
    })
    .where(eq(stores.id, fx.storeId));
  server = await startServer(fx.db, {
    geocoder: createAddressGeocoder(url, { userAgent: 'KDS tests' }),
    jobs: false,
  });
  guest = connect(server);
  manager = connect(server, await fx.login(guest, 'manager@demo.test'));
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
});
afterAll(async () => {
  await closeAll();
  await new Promise((resolve) => geocoder.close(resolve));
});

const deliveryTo = (address: string, postcode: string) =>
  fx.order({
    fulfilment: { type: 'delivery', address, postcode },
    customer: { name: 'Dee', phone: '+15553334444', smsConsent: true },
  });

const templatesOf = async (orderId: string) =>
  (
    await fx.db.db
      .select({ template: outbox.template })
      .from(outbox)
      .where(eq(outbox.orderId, orderId))
  ).map((m) => m.template);

describe('delivery to the door', () => {
  test('a street address is placed by the geocoder; one out of range is refused with the distance', async () => {
    await expect(
      guest.trpc.order.preview.query(deliveryTo('1 Main St', '10601')),
    ).resolves.toMatchObject({
      problems: [expect.objectContaining({ code: 'OUTSIDE_DELIVERY_AREA' })],
    });
    const near = await guest.trpc.order.preview.query(deliveryTo('350 5th Ave', '10118'));
    expect(near.problems).toEqual([]);
  });

  test('dispatch: off the kitchen screens, on its way on the tracker and the board, a text with the driver; delivered completes it', async () => {
    const placed = await guest.trpc.order.place.mutate(deliveryTo('350 5th Ave', '10118'));
    const kitchen = subscribeKitchen(cook);
    await vi.waitFor(() => expect(kitchen.received.started).toBe(true));
    await cook.trpc.ticket.bump.mutate({ orderId: placed.orderId, force: true });
    // Ready is not the guest's news for a delivery: no "ready" text, no call.
    expect(await templatesOf(placed.orderId)).not.toContain('sms.ready');

    await expect(
      cook.trpc.order.dispatch.mutate({ orderId: placed.orderId }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    const sent = await manager.trpc.order.dispatch.mutate({
      orderId: placed.orderId,
      driver: { name: 'Sam', phone: '+15559990000' },
    });
    expect(sent.status).toBe('OUT_FOR_DELIVERY');

    await vi.waitFor(() =>
      expect(kitchen.received.data.map((e) => e.type)).toContain('order.dispatched'),
    );
    const { tickets } = await cook.trpc.kitchen.tickets.query({});
    expect(tickets.map((t) => t.orderId)).not.toContain(placed.orderId);
    const tracked = await guest.trpc.tracker.get.query({ trackingToken: placed.trackingToken });
    expect(tracked).toMatchObject({
      status: 'OUT_FOR_DELIVERY',
      driver: { name: 'Sam', phone: '+15559990000' },
    });
    const board = await guest.trpc.board.forStore.query({ storeSlug: 'demo' });
    expect(board.onTheWay).toContain(placed.number);
    expect(await templatesOf(placed.orderId)).toContain('sms.dispatched');
    const road = await manager.trpc.order.onTheRoad.query();
    expect(road.map((d) => d.orderId)).toContain(placed.orderId);

    await manager.trpc.order.complete.mutate({ orderId: placed.orderId });
    expect(
      (await guest.trpc.tracker.get.query({ trackingToken: placed.trackingToken })).status,
    ).toBe('COMPLETED');
    expect((await manager.trpc.order.onTheRoad.query()).map((d) => d.orderId)).not.toContain(
      placed.orderId,
    );
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    const report = await manager.trpc.report.summary.query({
      from: day(-86_400_000),
      to: day(86_400_000),
    });
    expect(report.deliveries.timeToDispatch.count).toBeGreaterThanOrEqual(1);
    expect(report.deliveries.timeOnTheRoad.count).toBeGreaterThanOrEqual(1);
    kitchen.unsubscribe();
  });

  test('only a ready delivery can be dispatched', async () => {
    const pickup = await guest.trpc.order.place.mutate(
      fx.order({ fulfilment: { type: 'pickup' } }),
    );
    await cook.trpc.ticket.bump.mutate({ orderId: pickup.orderId, force: true });
    await expect(
      manager.trpc.order.dispatch.mutate({ orderId: pickup.orderId }),
    ).rejects.toMatchObject({ data: { code: 'PRECONDITION_FAILED' } });
    const early = await guest.trpc.order.place.mutate(deliveryTo('350 5th Ave', '10118'));
    await expect(
      manager.trpc.order.dispatch.mutate({ orderId: early.orderId }),
    ).rejects.toMatchObject({ data: { code: 'PRECONDITION_FAILED' } });
  });
});
