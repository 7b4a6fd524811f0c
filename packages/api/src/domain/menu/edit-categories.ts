import { menuCategories, menuItems } from '@kds/db';
import { and, count, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { audit, menuChanged } from './internal.ts';
import type { MenuIdInput, SaveCategoryInput } from './schemas.ts';

export async function saveCategory({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SaveCategoryInput;
}) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    const [clash] = await db
      .select({ id: menuCategories.id })
      .from(menuCategories)
      .where(and(eq(menuCategories.storeId, who.storeId), eq(menuCategories.name, input.name)));
    if (clash && clash.id !== input.id)
      throw new ConflictError({ key: 'admin.categoryExists', values: { name: input.name } });
    if (input.id) {
      const [before] = await db
        .select()
        .from(menuCategories)
        .where(and(eq(menuCategories.id, input.id), eq(menuCategories.storeId, who.storeId)));
      if (!before) throw new NotFoundError('category', { id: input.id });
      await db
        .update(menuCategories)
        .set({ name: input.name, sortOrder: input.sortOrder })
        .where(eq(menuCategories.id, before.id));
      await audit(db, who, 'menu.category_updated', 'menu_category', before.id, before, input);
      await menuChanged(tx, who.storeId, { entity: 'category', id: before.id, change: 'saved' });
      return { id: before.id };
    }
    const [created] = await db
      .insert(menuCategories)
      .values({ storeId: who.storeId, name: input.name, sortOrder: input.sortOrder })
      .returning();
    if (!created) throw new Error('category insert returned nothing');
    await audit(db, who, 'menu.category_created', 'menu_category', created.id, null, input);
    await menuChanged(tx, who.storeId, { entity: 'category', id: created.id, change: 'saved' });
    return { id: created.id };
  });
}

export async function deleteCategory({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    const [before] = await db
      .select()
      .from(menuCategories)
      .where(and(eq(menuCategories.id, input.id), eq(menuCategories.storeId, who.storeId)));
    if (!before) throw new NotFoundError('category', { id: input.id });
    const [used] = await db
      .select({ n: count() })
      .from(menuItems)
      .where(eq(menuItems.categoryId, before.id));
    if ((used?.n ?? 0) > 0) throw new ConflictError({ key: 'admin.categoryInUse' });
    await db.delete(menuCategories).where(eq(menuCategories.id, before.id));
    await audit(db, who, 'menu.category_deleted', 'menu_category', before.id, before, null);
    await menuChanged(tx, who.storeId, { entity: 'category', id: before.id, change: 'removed' });
    return { id: before.id };
  });
}
