import { menuCategories, menuItems, modifierGroups, modifiers, stations, stores } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { inStore } from '../transaction.ts';

/** The whole menu as the manager edits it: costs, stations, every group and choice, the currency. */
export async function menuForEditing({ ctx }: { ctx: DomainContext }) {
  const { storeId } = requireManager(ctx);
  return inStore(ctx, storeId, async (tx) => {
    const [categories, items, groups, choices, stationRows, [store]] = await Promise.all([
      tx.db
        .select()
        .from(menuCategories)
        .where(eq(menuCategories.storeId, storeId))
        .orderBy(asc(menuCategories.sortOrder), asc(menuCategories.name)),
      tx.db
        .select()
        .from(menuItems)
        .where(eq(menuItems.storeId, storeId))
        .orderBy(asc(menuItems.sortOrder), asc(menuItems.name)),
      tx.db
        .select()
        .from(modifierGroups)
        .where(eq(modifierGroups.storeId, storeId))
        .orderBy(asc(modifierGroups.sortOrder)),
      tx.db
        .select()
        .from(modifiers)
        .where(eq(modifiers.storeId, storeId))
        .orderBy(asc(modifiers.sortOrder)),
      tx.db
        .select()
        .from(stations)
        .where(eq(stations.storeId, storeId))
        .orderBy(asc(stations.sortOrder), asc(stations.name)),
      tx.db.select({ currency: stores.currency }).from(stores).where(eq(stores.id, storeId)),
    ]);
    return {
      currency: store?.currency ?? 'USD',
      stations: stationRows,
      categories: categories.map((c) => ({
        ...c,
        items: items
          .filter((i) => i.categoryId === c.id)
          .map((i) => ({
            ...i,
            modifierGroups: groups
              .filter((g) => g.menuItemId === i.id)
              .map((g) => ({ ...g, modifiers: choices.filter((m) => m.groupId === g.id) })),
          })),
      })),
    };
  });
}
