import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireScope } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { menuOf } from '../menu/menu-for-store.ts';
import { inStore } from '../transaction.ts';

/** The key's store's menu as guests see it, with what is available right now. */
export async function integrationMenu({ ctx }: { ctx: DomainContext }) {
  const key = requireScope(ctx, 'menu:read');
  return inStore(ctx, key.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, key.storeId));
    if (!store) throw new NotFoundError('store');
    const menu = await menuOf(tx, store);
    return {
      store: { ...menu.store, isOpen: menu.store.opening.isOpen },
      categories: menu.categories,
    };
  });
}
