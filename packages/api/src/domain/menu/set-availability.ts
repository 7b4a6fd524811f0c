import { menuItems } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { recordEvents } from '../record-events.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import type { SetAvailabilityInput } from './schemas.ts';
import { recordAudit } from '../audit.ts';

/**
 * 86 an item (or bring it back) from the kitchen. The row update and the event commit together:
 * from that commit on, pricing refuses the item, and every screen and open menu hears of it.
 */
export async function setAvailability({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SetAvailabilityInput;
}): Promise<{ menuItemId: string; name: string; isAvailable: boolean }> {
  const principal = requireKitchen(ctx);
  return inStore(ctx, principal.storeId, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(menuItems)
      .where(and(eq(menuItems.id, input.menuItemId), eq(menuItems.storeId, principal.storeId)))
      .for('update');
    if (!before) throw new NotFoundError('menuItem', { menuItemId: input.menuItemId });
    const result = { menuItemId: before.id, name: before.name, isAvailable: input.isAvailable };
    if (before.isAvailable === input.isAvailable) return result;

    await tx.db
      .update(menuItems)
      .set({ isAvailable: input.isAvailable, updatedAt: tx.now() })
      .where(eq(menuItems.id, before.id));
    await recordAudit(tx.db, principal, {
      action: input.isAvailable ? 'menu.item_restored' : 'menu.item_86ed',
      entity: 'menu_item',
      entityId: before.id,
      before: { isAvailable: before.isAvailable },
      after: { isAvailable: input.isAvailable },
    });
    await recordEvents(tx, principal.storeId, [
      {
        type: input.isAvailable ? 'menu.item_restored' : 'menu.item_86ed',
        orderId: null,
        payload: { menuItemId: before.id, name: before.name },
      },
    ]);
    return result;
  });
}
