import { menuCategories, menuItems, modifierGroups, modifiers, type Store } from '@kds/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import { inStoreAt } from '../stores/store-slug.ts';
import { deliversFrom } from '../orders/delivery.ts';
import { orderingFor } from '../pacing/index.ts';
import { openingState, type OpeningState } from '../stores/opening-hours.ts';
import type { MenuForStoreInput } from './schemas.ts';
import { guestLocaleOf } from '../stores/languages.ts';

const toIso = (s: OpeningState) => ({
  isOpen: s.isOpen,
  closesAt: s.closesAt?.toISOString() ?? null,
  nextOpenAt: s.nextOpenAt?.toISOString() ?? null,
});

/** The public menu: what a guest may see (never costs, stations or internal settings). */
export async function menuForStore({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: MenuForStoreInput;
}) {
  return inStoreAt(ctx, input.storeSlug, (tx, store) => menuOf(tx, store), readOnly);
}

const readOnly = { accessMode: 'read only' } as const;

/** The public menu of a store, in a transaction acting for it. */
export async function menuOf(ctx: TxContext, store: Store) {
  const [categories, items, groups] = await Promise.all([
    ctx.db
      .select()
      .from(menuCategories)
      .where(eq(menuCategories.storeId, store.id))
      .orderBy(asc(menuCategories.sortOrder)),
    ctx.db
      .select()
      .from(menuItems)
      .where(eq(menuItems.storeId, store.id))
      .orderBy(asc(menuItems.sortOrder)),
    ctx.db
      .select()
      .from(modifierGroups)
      .where(eq(modifierGroups.storeId, store.id))
      .orderBy(asc(modifierGroups.sortOrder)),
  ]);
  const options = groups.length
    ? await ctx.db
        .select()
        .from(modifiers)
        .where(
          inArray(
            modifiers.groupId,
            groups.map((g) => g.id),
          ),
        )
        .orderBy(asc(modifiers.sortOrder))
    : [];
  return {
    store: {
      slug: store.slug,
      name: store.name,
      currency: store.currency,
      ...guestLocaleOf(store),
      openingHours: store.openingHours,
      paymentMode: store.settings.paymentMode,
      tipPresetsPercent: store.settings.tipPresetsPercent,
      taxRateBps: store.settings.taxRateBps,
      deliveryAvailable: deliversFrom(ctx, store) !== null,
      opening: toIso(openingState(store.openingHours, store.timezone, ctx.now())),
      ordering: await orderingFor(ctx.db, store, ctx.now()),
    },
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      items: items
        .filter((i) => i.categoryId === c.id)
        .map((i) => ({
          id: i.id,
          name: i.name,
          description: i.description,
          priceCents: i.priceCents,
          isAvailable: i.isAvailable,
          allergens: i.allergens,
          imageUrl: i.imageUrl,
          modifierGroups: groups
            .filter((g) => g.menuItemId === i.id)
            .map((g) => ({
              id: g.id,
              name: g.name,
              minChoices: g.minChoices,
              maxChoices: g.maxChoices,
              modifiers: options
                .filter((m) => m.groupId === g.id)
                .map((m) => ({
                  id: m.id,
                  name: m.name,
                  priceDeltaCents: m.priceDeltaCents,
                  isAvailable: m.isAvailable,
                })),
            })),
        })),
    })),
  };
}
