import {
  menuCategories,
  menuItems,
  modifierGroups,
  modifiers,
  type Queryable,
  type Store,
} from '@kds/db';
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
  const rows = await menuRows(ctx.db, store.id);
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
    categories: guestCategories(rows),
  };
}

type MenuRows = Awaited<ReturnType<typeof menuRows>>;

/** The store's categories, items, groups of choices and choices, each in its sort order. */
async function menuRows(db: Queryable, storeId: string) {
  const [categories, items, groups] = await Promise.all([
    db
      .select()
      .from(menuCategories)
      .where(eq(menuCategories.storeId, storeId))
      .orderBy(asc(menuCategories.sortOrder)),
    db
      .select()
      .from(menuItems)
      .where(eq(menuItems.storeId, storeId))
      .orderBy(asc(menuItems.sortOrder)),
    db
      .select()
      .from(modifierGroups)
      .where(eq(modifierGroups.storeId, storeId))
      .orderBy(asc(modifierGroups.sortOrder)),
  ]);
  const ids = groups.map((g) => g.id);
  const options = ids.length
    ? await db
        .select()
        .from(modifiers)
        .where(inArray(modifiers.groupId, ids))
        .orderBy(asc(modifiers.sortOrder))
    : [];
  return { categories, items, groups, options };
}

/** The menu as a guest sees it: no costs, stations, prep times or kitchen labels. */
function guestCategories({ categories, items, groups, options }: MenuRows) {
  const choicesOf = (groupId: string) =>
    options
      .filter((m) => m.groupId === groupId)
      .map((m) => ({
        id: m.id,
        name: m.name,
        priceDeltaCents: m.priceDeltaCents,
        isAvailable: m.isAvailable,
      }));
  const groupsOf = (itemId: string) =>
    groups
      .filter((g) => g.menuItemId === itemId)
      .map((g) => ({
        id: g.id,
        name: g.name,
        minChoices: g.minChoices,
        maxChoices: g.maxChoices,
        modifiers: choicesOf(g.id),
      }));
  return categories.map((c) => ({
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
        modifierGroups: groupsOf(i.id),
      })),
  }));
}
