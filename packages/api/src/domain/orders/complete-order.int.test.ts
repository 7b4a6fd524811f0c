import { orders, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';

let h: Harness;
let cook: Principal;
beforeAll(async () => {
  h = await createHarness();
  cook = await h.staffOf(h.demo.storeId, 'kitchen');
});
afterAll(() => h.close());

async function requireCodes(required: boolean) {
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  if (!store) throw new Error('no store');
  await h.db
    .update(stores)
    .set({ settings: { ...store.settings, pickupCodeRequired: required } })
    .where(eq(stores.id, store.id));
}

async function readyOrder() {
  const placed = await h.caller().order.place(counterOrder(h.demo));
  await h.caller(cook).ticket.bump({ orderId: placed.orderId, force: true });
  const tracked = await h.caller().tracker.get({ trackingToken: placed.trackingToken });
  return { ...placed, code: tracked.pickupCode ?? '' };
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('order.complete', () => {
  test('hands over a ready order; it leaves the kitchen and the tracker says so', async () => {
    await requireCodes(false);
    const order = await readyOrder();
    const done = await h.caller(cook).order.complete({ orderId: order.orderId });
    expect(done.status).toBe('COMPLETED');
    expect((await h.caller(cook).kitchen.tickets({})).tickets.map((t) => t.orderId)).not.toContain(
      order.orderId,
    );
    expect((await h.caller().tracker.get({ trackingToken: order.trackingToken })).status).toBe(
      'COMPLETED',
    );
  });

  test('the tracker shows the pickup code only once the order is ready', async () => {
    const placed = await h.caller().order.place(counterOrder(h.demo));
    expect(
      (await h.caller().tracker.get({ trackingToken: placed.trackingToken })).pickupCode,
    ).toBeNull();
    await h.caller(cook).ticket.bump({ orderId: placed.orderId, force: true });
    expect(
      (await h.caller().tracker.get({ trackingToken: placed.trackingToken })).pickupCode,
    ).toMatch(/^\d{6}$/);
  });

  test('where codes are required, the right code completes and a wrong one does not', async () => {
    await requireCodes(true);
    const order = await readyOrder();
    expect(await trpcCodeOf(h.caller(cook).order.complete({ orderId: order.orderId }))).toBe(
      'UNPROCESSABLE_CONTENT',
    );
    expect(
      await trpcCodeOf(
        h.caller(cook).order.complete({ orderId: order.orderId, pickupCode: wrong(order.code) }),
      ),
    ).toBe('UNPROCESSABLE_CONTENT');
    const done = await h
      .caller(cook)
      .order.complete({ orderId: order.orderId, pickupCode: order.code });
    expect(done.status).toBe('COMPLETED');
  });

  test('six wrong tries lock the order, even against the right code', async () => {
    await requireCodes(true);
    const order = await readyOrder();
    for (let i = 0; i < 5; i++) {
      expect(
        await trpcCodeOf(
          h.caller(cook).order.complete({ orderId: order.orderId, pickupCode: wrong(order.code) }),
        ),
      ).toBe('UNPROCESSABLE_CONTENT');
    }
    expect(
      await trpcCodeOf(
        h.caller(cook).order.complete({ orderId: order.orderId, pickupCode: order.code }),
      ),
    ).toBe('TOO_MANY_REQUESTS');
    const [row] = await h.db.select().from(orders).where(eq(orders.id, order.orderId));
    expect(row).toMatchObject({ status: 'READY', pickupCodeAttempts: 5 });
  });

  test('an expired code is refused', async () => {
    await requireCodes(true);
    const order = await readyOrder();
    await h.db
      .update(orders)
      .set({ pickupCodeExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(orders.id, order.orderId));
    expect(
      await trpcCodeOf(
        h.caller(cook).order.complete({ orderId: order.orderId, pickupCode: order.code }),
      ),
    ).toBe('UNPROCESSABLE_CONTENT');
  });

  test('a client guessing across orders is refused after ten failures; others are not', async () => {
    await requireCodes(true);
    const guesser = await h.staffOf(h.demo.storeId, 'kitchen');
    for (let i = 0; i < 5; i++) {
      const order = await readyOrder();
      for (let j = 0; j < 2; j++) {
        expect(
          await trpcCodeOf(
            h
              .caller(guesser)
              .order.complete({ orderId: order.orderId, pickupCode: wrong(order.code) }),
          ),
        ).toBe('UNPROCESSABLE_CONTENT');
      }
    }
    const fresh = await readyOrder();
    expect(
      await trpcCodeOf(
        h.caller(guesser).order.complete({ orderId: fresh.orderId, pickupCode: fresh.code }),
      ),
    ).toBe('TOO_MANY_REQUESTS');
    const done = await h
      .caller(await h.staffOf(h.demo.storeId, 'kitchen'))
      .order.complete({ orderId: fresh.orderId, pickupCode: fresh.code });
    expect(done.status).toBe('COMPLETED');
  });

  test('the code is never stored in clear', async () => {
    const order = await readyOrder();
    const [row] = await h.db.select().from(orders).where(eq(orders.id, order.orderId));
    const stored = JSON.stringify(row);
    expect(row?.pickupCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(`"${order.code}"`);
    expect(row?.pickupCodeHash).not.toContain(order.code);
  });
});
