import { auditLog, orderItems } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import {
  createHarness,
  createOtherStore,
  newKey,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let manager: Principal & { kind: 'staff' };
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const tacoInput = (categoryId: string, stationId: string) => ({
  categoryId,
  stationId,
  name: 'Fish Taco',
  description: 'Crispy cod, slaw, lime',
  priceCents: 450,
  costCents: 140,
  prepSeconds: 420,
  allergens: ['Fish', 'gluten'],
  modifierGroups: [
    {
      name: 'Salsa',
      minChoices: 1,
      maxChoices: 1,
      modifiers: [
        { name: 'Mild', priceDeltaCents: 0 },
        { name: 'Habanero', kitchenLabel: 'HOT', priceDeltaCents: 50 },
      ],
    },
  ],
});

describe('menu editor', () => {
  test('a new item with a modifier, routed to a station, can be ordered at once', async () => {
    const { id: categoryId } = await h
      .caller(manager)
      .menu.saveCategory({ name: 'Tacos', sortOrder: 5 });
    const { id: itemId } = await h
      .caller(manager)
      .menu.saveItem(tacoInput(categoryId, h.demo.station.Fry ?? ''));
    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    const taco = menu.categories.find((c) => c.name === 'Tacos')?.items[0];
    expect(taco).toMatchObject({
      name: 'Fish Taco',
      priceCents: 450,
      allergens: ['fish', 'gluten'],
    });
    const hot = taco?.modifierGroups[0]?.modifiers.find((m) => m.name === 'Habanero');
    const order = await h.caller().order.place({
      storeSlug: 'demo',
      items: [{ menuItemId: itemId, quantity: 2, modifierIds: [hot?.id ?? ''] }],
      customer: { name: 'Ada' },
      fulfilment: { type: 'pickup' },
      payment: 'counter',
      idempotencyKey: newKey(),
    });
    const [line] = await h.db
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, order.orderId));
    expect(line).toMatchObject({
      stationId: h.demo.station.Fry,
      lineTotalCents: 1000,
      unitCostCents: 140,
    });

    // A later price change and a removed choice leave the sold line as it was.
    const editable = await h.caller(manager).menu.forEditing();
    const saved = editable.categories.find((c) => c.id === categoryId)?.items[0];
    const group = saved?.modifierGroups[0];
    await h.caller(manager).menu.saveItem({
      ...tacoInput(categoryId, h.demo.station.Grill ?? ''),
      id: itemId,
      priceCents: 500,
      modifierGroups: [
        {
          id: group?.id,
          name: 'Salsa',
          minChoices: 1,
          maxChoices: 1,
          modifiers: [{ id: group?.modifiers[0]?.id, name: 'Mild', priceDeltaCents: 0 }],
        },
      ],
    });
    const after = (await h.caller(manager).menu.forEditing()).categories
      .find((c) => c.id === categoryId)
      ?.items.find((i) => i.id === itemId);
    expect(after).toMatchObject({ priceCents: 500, stationId: h.demo.station.Grill });
    expect(after?.modifierGroups[0]?.modifiers.map((m) => m.name)).toEqual(['Mild']);
    expect(after?.modifierGroups[0]?.id).toBe(group?.id);
    const [same] = await h.db
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, order.orderId));
    expect(same?.lineTotalCents).toBe(1000);
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.entityId, itemId))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['menu.item_created', 'menu.item_updated']);
  });

  test('bad input and other stores are refused, and nothing changes', async () => {
    const before = await h.caller(manager).menu.forEditing();
    const categoryId = before.categories[0]?.id ?? '';
    const other = await createOtherStore(h.db, 'menu-rival');
    expect(
      await trpcCodeOf(h.caller(manager).menu.saveItem(tacoInput(categoryId, other.stationId))),
    ).toBe('NOT_FOUND');
    const impossible = tacoInput(categoryId, h.demo.station.Fry ?? '');
    impossible.modifierGroups = impossible.modifierGroups.map((g) => ({
      ...g,
      minChoices: 3,
      maxChoices: 3,
    }));
    expect(await trpcCodeOf(h.caller(manager).menu.saveItem(impossible))).toBe('BAD_REQUEST');
    expect(
      await trpcCodeOf(
        h
          .caller(manager)
          .menu.saveItem({ ...tacoInput(categoryId, h.demo.station.Fry ?? ''), priceCents: -1 }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await trpcCodeOf(h.caller(manager).menu.deleteStation({ id: h.demo.station.Grill ?? '' })),
    ).toBe('CONFLICT');
    expect(await trpcCodeOf(h.caller(manager).menu.deleteCategory({ id: categoryId }))).toBe(
      'CONFLICT',
    );
    const rival = await h.staffOf(other.storeId, 'manager');
    const anItem = before.categories[0]?.items[0]?.id ?? '';
    expect(await trpcCodeOf(h.caller(rival).menu.deleteItem({ id: anItem }))).toBe('NOT_FOUND');
    expect(await h.caller(manager).menu.forEditing()).toEqual(before);
  });

  test('stations can be added, renamed and removed when nothing is routed to them', async () => {
    const { id } = await h.caller(manager).menu.saveStation({ name: 'Pastry' });
    await h.caller(manager).menu.saveStation({ id, name: 'Pastry & Desserts' });
    expect(await trpcCodeOf(h.caller(manager).menu.saveStation({ name: 'Grill' }))).toBe(
      'CONFLICT',
    );
    await h.caller(manager).menu.deleteStation({ id });
    const { stations } = await h.caller(manager).menu.forEditing();
    expect(stations.map((s) => s.name)).not.toContain('Pastry & Desserts');
  });
});
