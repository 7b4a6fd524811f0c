import { menuItems, orderItems, orders } from '@kds/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import { DomainError } from '../errors.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  newKey,
  writeCounts,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const detailsOf = (error: TRPCError) =>
  JSON.stringify(error.cause instanceof DomainError ? error.cause.details : null);

/** Runs `fn`, expects a TRPCError with `code`, and checks that nothing was written. */
async function expectRefusal(code: TRPCError['code'], fn: () => Promise<unknown>) {
  const before = await writeCounts(h.db, h.demo.storeId);
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  return error as TRPCError;
}

describe('order.place', () => {
  test('computes totals from the database and ignores prices sent by the client', async () => {
    const input = counterOrder(h.demo);
    const tampered = {
      ...input,
      items: input.items.map((i) => ({ ...i, priceCents: 1, unitPriceCents: 1 })),
      totals: { totalCents: 1 },
      subtotalCents: 1,
    };
    const result = await h.caller().order.place(tampered);
    // Classic Burger 1200 + Medium 0; Fries 450 + Regular 0, twice. Tax 8.25 % rounded.
    const subtotal = 1200 + 2 * 450;
    const tax = Math.round((subtotal * 825) / 10_000);
    expect(result.totals).toEqual({
      subtotalCents: subtotal,
      discountCents: 0,
      taxCents: tax,
      tipCents: 0,
      totalCents: subtotal + tax,
    });
    expect(result.status).toBe('PLACED');
    const items = await h.db
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, result.orderId));
    expect(items.map((i) => [i.name, i.quantity, i.unitPriceCents])).toEqual([
      ['Classic Burger', 1, 1200],
      ['Fries', 2, 450],
    ]);
  });

  test('prices modifiers from the database', async () => {
    const result = await h.caller().order.place(
      counterOrder(h.demo, {
        items: [
          {
            menuItemId: h.demo.item['Classic Burger'],
            quantity: 2,
            modifierIds: [
              h.demo.modifier['Classic Burger/Medium'],
              h.demo.modifier['Classic Burger/Bacon'],
            ],
            priceDeltaCents: -5000,
          },
        ],
      }),
    );
    expect(result.totals.subtotalCents).toBe(2 * (1200 + 200));
  });

  test('refuses an unknown item with a typed error and writes nothing', async () => {
    const error = await expectRefusal('UNPROCESSABLE_CONTENT', () =>
      h
        .caller()
        .order.place(
          counterOrder(h.demo, { items: [{ menuItemId: crypto.randomUUID(), quantity: 1 }] }),
        ),
    );
    expect(error.message).toMatch(/cannot be placed/);
    expect(detailsOf(error)).toContain('"code":"ITEM_NOT_FOUND"');
  });

  test('refuses an unavailable item', async () => {
    const fries = h.demo.item['Onion Rings'] ?? '';
    await h.db.update(menuItems).set({ isAvailable: false }).where(eq(menuItems.id, fries));
    try {
      const error = await expectRefusal('UNPROCESSABLE_CONTENT', () =>
        h
          .caller()
          .order.place(counterOrder(h.demo, { items: [{ menuItemId: fries, quantity: 1 }] })),
      );
      expect(detailsOf(error)).toContain('"code":"ITEM_UNAVAILABLE"');
      expect(detailsOf(error)).toContain('Onion Rings is sold out');
    } finally {
      await h.db.update(menuItems).set({ isAvailable: true }).where(eq(menuItems.id, fries));
    }
  });

  test.each([0, -1, 1.5, 1000])('refuses a quantity of %s', async (quantity) => {
    const error = await expectRefusal('BAD_REQUEST', () =>
      h
        .caller()
        .order.place(
          counterOrder(h.demo, { items: [{ menuItemId: h.demo.item['Fries'], quantity }] }),
        ),
    );
    expect(error.message).toMatch(/quantity/);
  });

  test.each([
    ['phone', { name: 'Ada', phone: 'call me' }],
    ['phone', { name: 'Ada', phone: '+1' }],
    ['email', { name: 'Ada', email: 'not-an-email' }],
    ['name', { name: '' }],
  ])('refuses an invalid %s', async (field, customer) => {
    const error = await expectRefusal('BAD_REQUEST', () =>
      h.caller().order.place(counterOrder(h.demo, { customer })),
    );
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((i) => i.path.join('.'))).toContain(
      `customer.${field}`,
    );
  });

  test('refuses a number that cannot be one in the store’s country, on the phone field', async () => {
    // Well-formed, so it passes the schema; too short for any US number.
    const error = await expectRefusal('UNPROCESSABLE_CONTENT', () =>
      h
        .caller()
        .order.place(counterOrder(h.demo, { customer: { name: 'Ada', phone: '555-1234' } })),
    );
    expect(error.cause).toMatchObject({
      details: { problems: [{ path: ['customer', 'phone'], code: 'PHONE_INVALID' }] },
    });
  });

  test('refuses a too-long note on a line', async () => {
    await expectRefusal('BAD_REQUEST', () =>
      h.caller().order.place(
        counterOrder(h.demo, {
          items: [{ menuItemId: h.demo.item['Lemonade'], quantity: 1, notes: 'x'.repeat(201) }],
        }),
      ),
    );
  });

  test('refuses an unknown store', async () => {
    await expectRefusal('NOT_FOUND', () =>
      h.caller().order.place(counterOrder(h.demo, { storeSlug: 'no-such-store' })),
    );
  });

  test('refuses an oversized order (too many lines, too long notes)', async () => {
    const line = { menuItemId: h.demo.item['Lemonade'], quantity: 1 };
    await expectRefusal('BAD_REQUEST', () =>
      h
        .caller()
        .order.place(counterOrder(h.demo, { items: Array.from({ length: 51 }, () => line) })),
    );
    await expectRefusal('BAD_REQUEST', () =>
      h.caller().order.place(counterOrder(h.demo, { notes: 'x'.repeat(100_000) })),
    );
  });

  test('refuses a modifier that belongs to another item', async () => {
    const error = await expectRefusal('UNPROCESSABLE_CONTENT', () =>
      h.caller().order.place(
        counterOrder(h.demo, {
          items: [
            {
              menuItemId: h.demo.item['Lemonade'],
              quantity: 1,
              modifierIds: [h.demo.modifier['Classic Burger/Bacon']],
            },
          ],
        }),
      ),
    );
    expect(detailsOf(error)).toContain('MODIFIER_INVALID');
  });

  test('refuses a required modifier group left empty', async () => {
    const error = await expectRefusal('UNPROCESSABLE_CONTENT', () =>
      h.caller().order.place(
        counterOrder(h.demo, {
          items: [{ menuItemId: h.demo.item['Classic Burger'], quantity: 1 }],
        }),
      ),
    );
    expect(detailsOf(error)).toContain('choose 1 for Cook');
  });

  test('refuses an item of another store', async () => {
    const other = await createOtherStore(h.db, 'other-place');
    const [item] = await h.db
      .insert(menuItems)
      .values({
        storeId: other.storeId,
        categoryId: (await h.db.select().from(menuItems).limit(1))[0]?.categoryId ?? '',
        stationId: other.stationId,
        name: 'Foreign',
        priceCents: 100,
      })
      .returning();
    await expectRefusal('UNPROCESSABLE_CONTENT', () =>
      h
        .caller()
        .order.place(counterOrder(h.demo, { items: [{ menuItemId: item?.id, quantity: 1 }] })),
    );
  });

  test('the same idempotency key twice yields one order', async () => {
    const input = counterOrder(h.demo);
    const first = await h.caller().order.place(input);
    const before = await writeCounts(h.db, h.demo.storeId);
    const second = await h.caller().order.place(input);
    expect(second).toEqual(first);
    expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  });

  test('concurrent requests with one idempotency key make one order', async () => {
    const input = counterOrder(h.demo);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.caller().order.place(input)),
    );
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    const rows = await h.db
      .select()
      .from(orders)
      .where(eq(orders.idempotencyKey, input.idempotencyKey));
    expect(rows).toHaveLength(1);
  });

  test('a reused idempotency key with a different order is a conflict', async () => {
    const input = counterOrder(h.demo);
    await h.caller().order.place(input);
    await expectRefusal('CONFLICT', () =>
      h.caller().order.place({ ...input, notes: 'something else' }),
    );
  });

  test('online orders wait for payment and stay off the kitchen', async () => {
    const result = await h.caller().order.place(counterOrder(h.demo, { payment: 'online' }));
    expect(result.status).toBe('PENDING_PAYMENT');
    const kitchen = await h.staffOf(h.demo.storeId, 'kitchen');
    const { tickets } = await h.caller(kitchen).kitchen.tickets({});
    expect(tickets.map((t) => t.orderId)).not.toContain(result.orderId);
  });

  test('numbers orders per store per day from 1 without gaps', async () => {
    const a = await h.caller().order.place(counterOrder(h.demo, { idempotencyKey: newKey() }));
    const b = await h.caller().order.place(counterOrder(h.demo, { idempotencyKey: newKey() }));
    expect(b.number).toBe(a.number + 1);
  });
});

describe('order.preview', () => {
  test('returns the server prices and the problems without writing', async () => {
    const before = await writeCounts(h.db, h.demo.storeId);
    const preview = await h.caller().order.preview({
      storeSlug: 'demo',
      items: [
        { menuItemId: h.demo.item['Lemonade'] ?? '', quantity: 3 },
        { menuItemId: crypto.randomUUID(), quantity: 1 },
      ],
      fulfilment: { type: 'pickup' },
    });
    expect(preview.totals.subtotalCents).toBe(1200);
    expect(preview.problems).toEqual([
      expect.objectContaining({ path: ['items', 1, 'menuItemId'], code: 'ITEM_NOT_FOUND' }),
    ]);
    expect(preview.lines[0]).not.toHaveProperty('unitCostCents');
    expect(await writeCounts(h.db, h.demo.storeId)).toEqual(before);
  });
});
