import { menuItems, modifiers, stores } from '@kds/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';

// A store in Kuwaiti dinars: three decimals, and card networks take tens of fils.
let h: Harness;
let manager: Principal & { kind: 'staff' };
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
  const { db } = h;
  await db.update(stores).set({ currency: 'KWD' }).where(eq(stores.id, h.demo.storeId));
  // The demo's prices, read as fils, in tens: 1299 -> 12.990 KWD.
  await db.update(menuItems).set({ priceCents: sql`${menuItems.priceCents} * 10` });
  await db.update(modifiers).set({ priceDeltaCents: sql`${modifiers.priceDeltaCents} * 10` });
});
afterAll(() => h.close());

describe('a store in a three-decimal currency', () => {
  test('tax is rounded to tens of fils', async () => {
    const preview = await h.caller().order.preview(counterOrder(h.demo));
    const { subtotalCents, taxCents, totalCents } = preview.totals;
    expect(subtotalCents % 10).toBe(0);
    // 8.25% of the subtotal, half up to the nearest 10 fils.
    expect(taxCents).toBe(Math.round((subtotalCents * 0.0825) / 10) * 10);
    expect(totalCents % 10).toBe(0);
  });

  test('a tip that is not in tens of fils is a problem to fix, not a charge that fails', async () => {
    const preview = await h.caller().order.preview(counterOrder(h.demo, { tipCents: 255 }));
    expect(preview.problems).toContainEqual(
      expect.objectContaining({ path: ['tipCents'], code: 'TIP_INVALID' }),
    );
  });

  test('the menu refuses a price no card could pay, and says why', async () => {
    const [item] = await h.db.select().from(menuItems).where(eq(menuItems.storeId, h.demo.storeId));
    if (!item) throw new Error('no item');
    const input = {
      id: item.id,
      categoryId: item.categoryId,
      stationId: item.stationId,
      name: item.name,
      description: item.description,
      priceCents: 1255,
      costCents: 0,
      prepSeconds: item.prepSeconds,
      allergens: [],
      modifierGroups: [],
    };
    expect(await trpcCodeOf(h.caller(manager).menu.saveItem(input))).toBe('UNPROCESSABLE_CONTENT');
    await expect(h.caller(manager).menu.saveItem(input)).rejects.toThrow(
      'prices in KWD go in steps of 0.010',
    );
    await h.caller(manager).menu.saveItem({ ...input, priceCents: 1250 });
    const [saved] = await h.db.select().from(menuItems).where(eq(menuItems.id, item.id));
    expect(saved?.priceCents).toBe(1250);
  });
});
