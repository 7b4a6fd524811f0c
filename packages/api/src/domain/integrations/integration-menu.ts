import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireScope } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { menuForStore } from '../menu/menu-for-store.ts';

/** The key's store's menu as guests see it, with what is available right now. */
export async function integrationMenu({ ctx }: { ctx: DomainContext }) {
  const key = requireScope(ctx, 'menu:read');
  const [store] = await ctx.db
    .select({ slug: stores.slug })
    .from(stores)
    .where(eq(stores.id, key.storeId));
  if (!store) throw new NotFoundError('store');
  const menu = await menuForStore({ ctx, input: { storeSlug: store.slug } });
  return {
    store: { ...menu.store, isOpen: menu.store.opening.isOpen },
    categories: menu.categories,
  };
}
