import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import {
  counterOrder,
  createHarness,
  newKey,
  trpcCodeOf,
  writeCounts,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let cook: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
});
afterAll(() => h.close());

const lemonades = (quantity: number) => [{ menuItemId: h.demo.item['Lemonade'] ?? '', quantity }];

describe('order.addItems', () => {
  test('adds priced items to an order the kitchen has not started', async () => {
    const placed = await h.caller().order.place(counterOrder(h.demo));
    const before = await writeCounts(h.db, h.demo.storeId);
    const added = await h.caller().order.addItems({
      trackingToken: placed.trackingToken,
      items: [...lemonades(2).map((l) => ({ ...l, priceCents: 1 }))],
      idempotencyKey: newKey(),
    });
    const subtotal = placed.totals.subtotalCents + 2 * 400;
    const tax = Math.round((subtotal * 825) / 10_000);
    expect(added.totals).toEqual({
      subtotalCents: subtotal,
      discountCents: 0,
      taxCents: tax,
      tipCents: 0,
      totalCents: subtotal + tax,
    });
    expect((await writeCounts(h.db, h.demo.storeId)).events).toBe(before.events + 1);

    const { tickets } = await h.caller(cook).kitchen.tickets({});
    const ticket = tickets.find((t) => t.orderId === placed.orderId);
    expect(ticket?.items.map((i) => [i.name, i.quantity])).toEqual([
      ['Classic Burger', 1],
      ['Fries', 2],
      ['Lemonade', 2],
    ]);
  });

  test('the same addition twice, even at once, counts once', async () => {
    const placed = await h.caller().order.place(counterOrder(h.demo));
    const input = {
      trackingToken: placed.trackingToken,
      items: lemonades(1),
      idempotencyKey: newKey(),
    };
    const results = await Promise.all([
      h.caller().order.addItems(input),
      h.caller().order.addItems(input),
    ]);
    const again = await h.caller().order.addItems(input);
    expect(results[0]).toEqual(results[1]);
    expect(again).toEqual(results[0]);
    const tracked = await h.caller().tracker.get({ trackingToken: placed.trackingToken });
    expect(tracked.items.filter((i) => i.name === 'Lemonade')).toHaveLength(1);
  });

  test('is refused once the kitchen has started, and writes nothing', async () => {
    const placed = await h.caller().order.place(counterOrder(h.demo));
    await h.caller(cook).ticket.start({ orderId: placed.orderId });
    const before = await writeCounts(h.db, h.demo.storeId);
    expect(
      await trpcCodeOf(
        h.caller().order.addItems({
          trackingToken: placed.trackingToken,
          items: lemonades(1),
          idempotencyKey: newKey(),
        }),
      ),
    ).toBe('PRECONDITION_FAILED');
    expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  });

  test('needs a real token, and a store that allows it', async () => {
    expect(
      await trpcCodeOf(
        h.caller().order.addItems({
          trackingToken: 'A'.repeat(22),
          items: lemonades(1),
          idempotencyKey: newKey(),
        }),
      ),
    ).toBe('NOT_FOUND');
    const placed = await h.caller().order.place(counterOrder(h.demo));
    const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
    if (!store) throw new Error('no store');
    await h.db
      .update(stores)
      .set({ settings: { ...store.settings, allowAddToOrder: false } })
      .where(eq(stores.id, store.id));
    try {
      expect(
        await trpcCodeOf(
          h.caller().order.addItems({
            trackingToken: placed.trackingToken,
            items: lemonades(1),
            idempotencyKey: newKey(),
          }),
        ),
      ).toBe('UNPROCESSABLE_CONTENT');
    } finally {
      await h.db.update(stores).set({ settings: store.settings }).where(eq(stores.id, store.id));
    }
  });
});
