import {
  menuItems,
  modifierGroups,
  modifiers,
  type MenuItem,
  type Modifier,
  type ModifierGroup,
  type Queryable,
  type Store,
} from '@kds/db';
import { and, eq, inArray } from 'drizzle-orm';
import { chooseModifiers } from './price-modifiers.ts';
import type { PricedLine, Problem } from './pricing.ts';
import type { PreviewOrderInput } from './schemas.ts';

type CartLine = PreviewOrderInput['items'][number];

/** The menu rows a cart names: its items, their modifier groups and options. */
export interface MenuRows {
  itemById: Map<string, MenuItem>;
  groups: ModifierGroup[];
  groupById: Map<string, ModifierGroup>;
  modifierById: Map<string, Modifier>;
}

/** Reads the cart's items, then their groups with their options (two round trips). */
export async function readMenuRows(
  db: Queryable,
  store: Store,
  cart: CartLine[],
  lock: boolean,
): Promise<MenuRows> {
  const itemIds = [...new Set(cart.map((l) => l.menuItemId))];
  const itemQuery = db
    .select()
    .from(menuItems)
    .where(and(eq(menuItems.storeId, store.id), inArray(menuItems.id, itemIds)));
  const items = lock ? await itemQuery.for('share') : await itemQuery;
  const choices = items.length
    ? await db
        .select({ group: modifierGroups, modifier: modifiers })
        .from(modifierGroups)
        .leftJoin(modifiers, eq(modifiers.groupId, modifierGroups.id))
        .where(
          inArray(
            modifierGroups.menuItemId,
            items.map((i) => i.id),
          ),
        )
    : [];
  const groups = [...new Map(choices.map((c) => [c.group.id, c.group])).values()];
  const options = choices.flatMap((c) => (c.modifier ? [c.modifier] : []));
  return {
    itemById: new Map(items.map((i) => [i.id, i])),
    groups,
    groupById: new Map(groups.map((g) => [g.id, g])),
    modifierById: new Map(options.map((m) => [m.id, m])),
  };
}

/** Each cart line at the menu's prices, and what the guest must change first. */
export function priceLines(cart: CartLine[], menu: MenuRows) {
  const problems: Problem[] = [];
  const lines: PricedLine[] = [];
  cart.forEach((line, index) => {
    const priced = priceLine(line, ['items', index], menu, problems);
    if (priced) lines.push(priced);
  });
  return { lines, problems };
}

function priceLine(
  line: CartLine,
  path: (string | number)[],
  menu: MenuRows,
  problems: Problem[],
): PricedLine | null {
  const item = menu.itemById.get(line.menuItemId);
  if (!item) {
    problems.push({
      path: [...path, 'menuItemId'],
      code: 'ITEM_NOT_FOUND',
      message: 'this item is no longer on the menu: remove it to order',
      say: { key: 'itemGone' },
    });
    return null;
  }
  if (!item.isAvailable) {
    problems.push({
      path: [...path, 'menuItemId'],
      code: 'ITEM_UNAVAILABLE',
      message: `${item.name} is sold out`,
      say: { key: 'soldOut', values: { name: item.name } },
    });
  }
  const chosen = chooseModifiers(item, line.modifierIds, [...path, 'modifierIds'], menu, problems);
  const unitPriceCents = Math.max(
    0,
    item.priceCents + chosen.reduce((s, m) => s + m.priceDeltaCents, 0),
  );
  return {
    menuItemId: item.id,
    stationId: item.stationId,
    name: item.name,
    quantity: line.quantity,
    unitPriceCents,
    unitCostCents: item.costCents,
    lineTotalCents: unitPriceCents * line.quantity,
    modifiers: chosen,
    allergens: item.allergens,
    notes: line.notes,
    prepSeconds: item.prepSeconds,
  };
}
