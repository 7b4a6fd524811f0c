import type { ErrorWords } from '@kds/i18n';
import { menuCategories, menuItems, stations, stores, type Database } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { englishOf, NotFoundError, ValidationError } from '../errors.ts';
import { currencyStep, stepText } from '../money.ts';
import { inStore } from '../transaction.ts';
import { audit, menuChanged } from './internal.ts';
import { saveGroups } from './save-modifier-groups.ts';
import type { SaveItemInput } from './schemas.ts';

/**
 * Creates or updates an item with its modifier groups in one transaction. The category and
 * station must be this store's; groups and choices not in the input are removed (past orders
 * keep their own copies of names and prices, so nothing that was sold changes).
 */
export async function saveItem({ ctx, input }: { ctx: DomainContext; input: SaveItemInput }) {
  const who = requireManager(ctx);
  const now = ctx.now();
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    await requireOwnPlaces(db, who.storeId, input);
    await requireChargeablePrices(db, who.storeId, input);

    const fields = {
      categoryId: input.categoryId,
      stationId: input.stationId,
      name: input.name,
      description: input.description,
      priceCents: input.priceCents,
      costCents: input.costCents,
      prepSeconds: input.prepSeconds,
      allergens: input.allergens,
      imageUrl: input.imageUrl ?? null,
      sortOrder: input.sortOrder,
      isAvailable: input.isAvailable,
      updatedAt: now,
    };
    const { itemId, before } = await writeItem(db, who.storeId, input.id, fields);
    await saveGroups(db, who.storeId, itemId, input.modifierGroups);
    await audit(
      db,
      who,
      input.id ? 'menu.item_updated' : 'menu.item_created',
      'menu_item',
      itemId,
      before,
      input,
    );
    await menuChanged(tx, who.storeId, { entity: 'item', id: itemId, change: 'saved' });
    return { id: itemId };
  });
}

/** The category and the station must be this store's. */
async function requireOwnPlaces(db: Database, storeId: string, input: SaveItemInput) {
  const [category] = await db
    .select({ id: menuCategories.id })
    .from(menuCategories)
    .where(and(eq(menuCategories.id, input.categoryId), eq(menuCategories.storeId, storeId)));
  if (!category) throw new NotFoundError('category', { id: input.categoryId });
  const [station] = await db
    .select({ id: stations.id })
    .from(stations)
    .where(and(eq(stations.id, input.stationId), eq(stations.storeId, storeId)));
  if (!station) throw new NotFoundError('station', { id: input.stationId });
}

/** Updates the store's item (locked, and answered as it was before), or adds a new one. */
async function writeItem(
  db: Database,
  storeId: string,
  id: string | undefined,
  fields: Omit<typeof menuItems.$inferInsert, 'storeId'>,
): Promise<{ itemId: string; before: unknown }> {
  if (id) {
    const [existing] = await db
      .select()
      .from(menuItems)
      .where(and(eq(menuItems.id, id), eq(menuItems.storeId, storeId)))
      .for('update');
    if (!existing) throw new NotFoundError('menuItem', { id });
    await db.update(menuItems).set(fields).where(eq(menuItems.id, existing.id));
    return { itemId: existing.id, before: existing };
  }
  const [created] = await db
    .insert(menuItems)
    .values({ ...fields, storeId })
    .returning({ id: menuItems.id });
  if (!created) throw new Error('item insert returned nothing');
  return { itemId: created.id, before: null };
}

/**
 * Prices a card can be charged: in the three-decimal currencies (KWD, BHD, ...) card networks
 * take tens of fils, so a price of 1.255 could never be paid online. Refused with where it is.
 */
async function requireChargeablePrices(tx: Database, storeId: string, input: SaveItemInput) {
  const [store] = await tx
    .select({ currency: stores.currency })
    .from(stores)
    .where(eq(stores.id, storeId));
  const currency = store?.currency ?? 'USD';
  const step = currencyStep(currency);
  if (step === 1) return;
  const amounts: { path: (string | number)[]; cents: number }[] = [
    { path: ['priceCents'], cents: input.priceCents },
    ...input.modifierGroups.flatMap((group, g) =>
      group.modifiers.map((choice, c) => ({
        path: ['modifierGroups', g, 'modifiers', c, 'priceDeltaCents'],
        cents: choice.priceDeltaCents,
      })),
    ),
  ];
  const say: ErrorWords = {
    key: 'admin.priceStep',
    values: { currency, step: stepText(currency) },
  };
  const problems = amounts
    .filter((a) => a.cents % step !== 0)
    .map((a) => ({ path: a.path, code: 'PRICE_STEP', message: englishOf(say) }));
  if (problems.length) throw new ValidationError(say, { problems });
}
