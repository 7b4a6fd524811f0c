import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  menuItems,
  orderItems,
  orders,
  seedDemo,
  staff,
  stations,
  stores,
  type Database,
} from './index.ts';
import { createTestDb, type TestDb } from './testing/index.ts';

let handle: TestDb;
let db: Database;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  await seedDemo(db, { hashPassword: async (p) => `plain:${p}` });
});
afterAll(() => handle.close());

/** Expects the database itself to refuse the write, naming the constraint. */
async function expectConstraint(name: string, write: () => Promise<unknown>) {
  const error = await write().then(
    () => null,
    (e: unknown) => e,
  );
  expect(JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}))).toContain(name);
}

describe('seedDemo', () => {
  test('creates the demo store with stations, menu and staff', async () => {
    const [store] = await db.select().from(stores).where(eq(stores.slug, 'demo'));
    expect(store?.settings.paymentMode).toBe('both');
    const names = (await db.select().from(stations)).map((s) => s.name).sort();
    expect(names).toEqual(['Cold', 'Expo', 'Fry', 'Grill']);
    const emails = (await db.select().from(staff)).map((s) => s.email).sort();
    expect(emails).toEqual(['kitchen@demo.test', 'manager@demo.test', 'owner@demo.test']);
    const [items] = await db.select({ n: count() }).from(menuItems);
    expect(items?.n).toBeGreaterThanOrEqual(10);
  });

  test('does nothing on a database that already has a store', async () => {
    expect(await seedDemo(db, { hashPassword: async (p) => p })).toBe(false);
    const [n] = await db.select({ n: count() }).from(stores);
    expect(n?.n).toBe(1);
  });
});

describe('constraints', () => {
  test('money is never negative', async () => {
    const [item] = await db.select().from(menuItems).limit(1);
    await expectConstraint('menu_items_price_nonnegative', () =>
      db
        .update(menuItems)
        .set({ priceCents: -1 })
        .where(eq(menuItems.id, item?.id ?? '')),
    );
  });

  test('quantities are positive and an order item needs a real order', async () => {
    const [item] = await db.select().from(menuItems).limit(1);
    const base = {
      orderId: crypto.randomUUID(),
      storeId: item?.storeId ?? '',
      stationId: item?.stationId ?? '',
      position: 0,
      name: 'x',
      unitPriceCents: 100,
      lineTotalCents: 0,
    };
    await expectConstraint('order_items_quantity_positive', () =>
      db.insert(orderItems).values({ ...base, quantity: 0 }),
    );
    await expectConstraint('order_items_order_id_orders_id_fk', () =>
      db.insert(orderItems).values({ ...base, quantity: 1 }),
    );
  });

  test('store slugs are URL-safe', async () => {
    await expectConstraint('stores_slug_format', () =>
      db.insert(stores).values({ slug: 'Bad Slug!', name: 'x', settings: {} as never }),
    );
  });

  test('an order total cannot be negative', async () => {
    const [store] = await db.select().from(stores);
    await expectConstraint('orders_total_nonnegative', () =>
      db.insert(orders).values({
        storeId: store?.id ?? '',
        number: 1,
        businessDate: '2026-01-01',
        trackingToken: 't',
        status: 'PLACED',
        paymentStatus: 'at_counter',
        paymentMethod: 'counter',
        fulfilment: 'pickup',
        customerName: 'x',
        subtotalCents: 0,
        totalCents: -5,
        idempotencyKey: 'k',
        requestHash: 'h',
      }),
    );
  });
});
