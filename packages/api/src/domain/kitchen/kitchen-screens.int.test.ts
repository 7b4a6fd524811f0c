import { devices } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { resolvePrincipal } from '../auth/resolve-principal.ts';
import type { Principal } from '../context.ts';

let h: Harness;
let cook: Principal;
let manager: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

describe('menu.setAvailability (86)', () => {
  test('86ing an item makes order.place refuse it at once, and restoring allows it again', async () => {
    const lemonade = h.demo.item['Lemonade'] ?? '';
    const order = counterOrder(h.demo, { items: [{ menuItemId: lemonade, quantity: 1 }] });
    await h.caller(cook).menu.setAvailability({ menuItemId: lemonade, isAvailable: false });
    expect(await trpcCodeOf(h.caller().order.place(order))).toBe('UNPROCESSABLE_CONTENT');
    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    const item = menu.categories.flatMap((c) => c.items).find((i) => i.id === lemonade);
    expect(item?.isAvailable).toBe(false);

    await h.caller(cook).menu.setAvailability({ menuItemId: lemonade, isAvailable: true });
    expect((await h.caller().order.place(order)).status).toBe('PLACED');
  });

  test('appends an event the kitchen stream carries', async () => {
    const fries = h.demo.item['Fries'] ?? '';
    const before = Number((await h.caller(cook).kitchen.tickets({})).cursor);
    await h.caller(cook).menu.setAvailability({ menuItemId: fries, isAvailable: false });
    const events = await h.ctx().log.read({ storeId: h.demo.storeId, afterSeq: before, limit: 10 });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'menu.item_86ed',
        payload: { menuItemId: fries, name: 'Fries' },
      }),
    ]);
    await h.caller(cook).menu.setAvailability({ menuItemId: fries, isAvailable: true });
  });

  test('needs a kitchen principal and an item of its own store', async () => {
    const fries = h.demo.item['Fries'] ?? '';
    expect(
      await trpcCodeOf(h.caller().menu.setAvailability({ menuItemId: fries, isAvailable: false })),
    ).toBe('UNAUTHORIZED');
    expect(
      await trpcCodeOf(
        h
          .caller(cook)
          .menu.setAvailability({ menuItemId: crypto.randomUUID(), isAvailable: false }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('device pairing', () => {
  test('a manager code pairs a screen once; the screen then works as a kitchen device', async () => {
    const { code } = await h
      .caller(manager)
      .device.createPairingCode({ name: 'Grill screen', stationId: h.demo.station.Grill });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const paired = await h.caller().device.pair({ code: code.toLowerCase().replace('-', ' ') });
    expect(paired.device).toMatchObject({ name: 'Grill screen', stationId: h.demo.station.Grill });

    const principal = await resolvePrincipal(h.db, paired.token, new Date());
    expect(principal).toMatchObject({ kind: 'device', storeId: h.demo.storeId });
    if (!principal) throw new Error('unreachable');
    const config = await h.caller(principal).kitchen.config();
    expect(config.screen).toMatchObject({ kind: 'device', name: 'Grill screen' });
    expect(config.screen.stationId).toBe(h.demo.station.Grill);

    expect(await trpcCodeOf(h.caller().device.pair({ code }))).toBe('NOT_FOUND');
  });

  test('an expired code is refused', async () => {
    const { code } = await h.caller(manager).device.createPairingCode({ name: 'Expo' });
    await h.db.update(devices).set({ pairingExpiresAt: new Date(Date.now() - 1000) });
    expect(await trpcCodeOf(h.caller().device.pair({ code }))).toBe('NOT_FOUND');
  });

  test('the kitchen role cannot create codes', async () => {
    expect(await trpcCodeOf(h.caller(cook).device.createPairingCode({ name: 'x' }))).toBe(
      'FORBIDDEN',
    );
  });

  test('kitchen.ack keeps the furthest sequence a paired screen has shown', async () => {
    const { code } = await h.caller(manager).device.createPairingCode({ name: 'Cold' });
    const { token, device } = await h.caller().device.pair({ code });
    const screen = await resolvePrincipal(h.db, token, new Date());
    if (!screen) throw new Error('unreachable');
    await h.caller(screen).kitchen.ack({ seq: 12 });
    await h.caller(screen).kitchen.ack({ seq: 7 });
    const [row] = await h.db.select().from(devices).where(eq(devices.id, device.id));
    expect(row?.lastAckSeq).toBe(12);
    expect(row?.lastSeenAt).not.toBeNull();
  });
});

describe('kitchen.tickets', () => {
  test('a scheduled ticket fires its longest prep time before it is due', async () => {
    const fireAt = new Date(Date.now() + 3600_000);
    const { orderId } = await h
      .caller()
      .order.place(counterOrder(h.demo, { fireAt: fireAt.toISOString() }));
    const { tickets } = await h.caller(cook).kitchen.tickets({});
    const ticket = tickets.find((t) => t.orderId === orderId);
    // Classic Burger 540 s and Fries 300 s: it fires 540 s before it is due.
    expect(ticket?.firesAt).toBe(new Date(fireAt.getTime() - 540_000).toISOString());
  });
});
