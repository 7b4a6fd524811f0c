import { menuItems, modifierGroups, modifiers } from '@kds/db';
import { and, eq, inArray } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { audit, menuChanged } from './internal.ts';
import type { MenuIdInput } from './schemas.ts';

/** Removes an item from the menu; orders that had it keep their copy. */
export async function deleteItem({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    const [before] = await db
      .select()
      .from(menuItems)
      .where(and(eq(menuItems.id, input.id), eq(menuItems.storeId, who.storeId)));
    if (!before) throw new NotFoundError('menuItem', { id: input.id });
    const groups = await db
      .select({ id: modifierGroups.id })
      .from(modifierGroups)
      .where(eq(modifierGroups.menuItemId, before.id));
    if (groups.length) {
      await db.delete(modifiers).where(
        inArray(
          modifiers.groupId,
          groups.map((g) => g.id),
        ),
      );
      await db.delete(modifierGroups).where(eq(modifierGroups.menuItemId, before.id));
    }
    await db.delete(menuItems).where(eq(menuItems.id, before.id));
    await audit(db, who, 'menu.item_deleted', 'menu_item', before.id, before, null);
    await menuChanged(tx, who.storeId, { entity: 'item', id: before.id, change: 'removed' });
    return { id: before.id };
  });
}
