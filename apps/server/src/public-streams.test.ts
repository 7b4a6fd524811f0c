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

let fx: Fixture;
let server: Server;
let guest: Client;
let cook: Client;

beforeAll(async () => {
  fx = await createFixture();
  server = await startServer(fx.db);
  guest = connect(server);
  cook = connect(server, await fx.login(guest, 'kitchen@demo.test'));
});
afterAll(closeAll);

describe('board', () => {
  test('shows numbers only, and moves them from Preparing to Ready live', async () => {
    const order = await guest.trpc.order.place.mutate(
      fx.order({ customer: { name: 'Secret Name' } }),
    );
    const board = await guest.trpc.board.forStore.query({ storeSlug: 'demo' });
    expect(board.preparing).toContain(order.number);
    expect(JSON.stringify(board)).not.toContain('Secret Name');

    const changes: unknown[] = [];
    const sub = guest.trpc.board.onStore.subscribe(
      { storeSlug: 'demo', lastEventId: board.cursor },
      { onData: ({ data }) => changes.push(data) },
    );
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(1));
    await cook.trpc.ticket.bump.mutate({ orderId: order.orderId, force: true });
    await vi.waitFor(() =>
      expect(changes).toContainEqual(
        expect.objectContaining({ number: order.number, column: 'ready' }),
      ),
    );
    expect(JSON.stringify(changes)).not.toMatch(/Secret Name|orderId|trackingToken/);
    sub.unsubscribe();
  });

  test('an unknown store is NOT_FOUND', async () => {
    await expect(guest.trpc.board.forStore.query({ storeSlug: 'nope' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });
});

describe('menu.onStore', () => {
  test('an open menu hears of an 86 and its end at once', async () => {
    const menu = await guest.trpc.menu.forStore.query({ storeSlug: 'demo' });
    const fries = menu.categories.flatMap((c) => c.items).find((i) => i.name === 'Fries');
    const updates: unknown[] = [];
    const sub = guest.trpc.menu.onStore.subscribe(
      { storeSlug: 'demo' },
      { onData: ({ data }) => updates.push(data) },
    );
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(1));
    await cook.trpc.menu.setAvailability.mutate({
      menuItemId: fries?.id ?? '',
      isAvailable: false,
    });
    await cook.trpc.menu.setAvailability.mutate({ menuItemId: fries?.id ?? '', isAvailable: true });
    await vi.waitFor(() =>
      expect(updates).toEqual([
        expect.objectContaining({ menuItemId: fries?.id, isAvailable: false }),
        expect.objectContaining({ menuItemId: fries?.id, isAvailable: true }),
      ]),
    );
    sub.unsubscribe();
  });

  test("a manager's edit reaches open menus and kitchen screens; a station's only the kitchen", async () => {
    const manager = connect(server, await fx.login(guest, 'manager@demo.test'));
    const updates: unknown[] = [];
    const sub = guest.trpc.menu.onStore.subscribe(
      { storeSlug: 'demo' },
      { onData: ({ data }) => updates.push(data) },
    );
    const kitchen = subscribeKitchen(cook);
    await vi.waitFor(() => expect(server.app.bus.listenerCount()).toBe(2));
    const editing = await manager.trpc.menu.forEditing.query();
    const lemonade = editing.categories.flatMap((c) => c.items).find((i) => i.name === 'Lemonade');
    if (!lemonade) throw new Error('no lemonade');
    const { id, categoryId, stationId, name, description, costCents, prepSeconds } = lemonade;
    const save = (priceCents: number) =>
      manager.trpc.menu.saveItem.mutate({
        id,
        categoryId,
        stationId,
        name,
        description,
        priceCents,
        costCents,
        prepSeconds,
        allergens: lemonade.allergens,
        sortOrder: lemonade.sortOrder,
        isAvailable: true,
        modifierGroups: [],
      });
    await save(475);
    const station = editing.stations[0];
    await manager.trpc.menu.saveStation.mutate({
      id: station?.id,
      name: station?.name ?? '',
      kind: station?.kind ?? 'prep',
      sortOrder: station?.sortOrder ?? 0,
      capacityItems: station?.capacityItems ?? 12,
    });
    await vi.waitFor(() =>
      expect(kitchen.received.data.filter((e) => e.type === 'menu.changed')).toHaveLength(2),
    );
    expect(updates).toEqual([expect.objectContaining({ menuChanged: true })]);
    const menu = await guest.trpc.menu.forStore.query({ storeSlug: 'demo' });
    expect(menu.categories.flatMap((c) => c.items).find((i) => i.id === id)?.priceCents).toBe(475);
    await save(lemonade.priceCents);
    sub.unsubscribe();
    kitchen.unsubscribe();
    manager.close();
  });
});

describe('tracker.get', () => {
  test('estimates when an order in the kitchen will be ready', async () => {
    const order = await guest.trpc.order.place.mutate(fx.order());
    const tracked = await guest.trpc.tracker.get.query({ trackingToken: order.trackingToken });
    const eta = new Date(tracked.estimatedReadyAt ?? 0).getTime();
    // No history yet: the store's default prep time (12 minutes in the demo) from placing.
    expect(eta).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(eta).toBeLessThan(Date.now() + 20 * 60_000);
  });
});
