import { priceDiscount, type PricedDiscount } from '../discounts/price-discount.ts';
import { currencyStep, percentOf, stepText } from '../money.ts';
import {
  menuItems,
  modifierGroups,
  modifiers,
  type OrderItemModifier,
  type Queryable,
  type Store,
} from '@kds/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { ProblemWords } from '@kds/i18n';
import type { PreviewOrderInput } from './schemas.ts';
import { timingProblems } from './timing.ts';

export type ProblemCode =
  | 'ITEM_NOT_FOUND'
  | 'ITEM_UNAVAILABLE'
  | 'MODIFIER_INVALID'
  | 'MODIFIER_UNAVAILABLE'
  | 'MODIFIER_CHOICE'
  | 'DISCOUNT_INVALID'
  | 'DISCOUNT_UNKNOWN'
  | 'FULFILMENT_UNAVAILABLE'
  | 'FIRE_AT_INVALID'
  | 'STORE_CLOSED'
  | 'SLOT_FULL'
  | 'ORDERING_PAUSED'
  | 'KITCHEN_FULL'
  | 'POSTCODE_UNKNOWN'
  | 'POSTCODE_UNCHECKED'
  | 'OUTSIDE_DELIVERY_AREA'
  | 'CONTACT_MISSING'
  | 'CHANNEL_OFF'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'TIP_INVALID';

/** Something the customer must change; `path` points at the input that caused it. */
export interface Problem {
  path: (string | number)[];
  code: ProblemCode;
  message: string;
  /** The message again, for the reader's language (the screen translates it). */
  say?: ProblemWords;
  /** STORE_CLOSED: when ordering opens again. */
  nextOpenAt?: string;
  /** ORDERING_PAUSED: when this kind of order is taken again. */
  resumesAt?: string;
  /** KITCHEN_FULL, ORDERING_PAUSED: the first pickup time the kitchen can still take. */
  nextSlotAt?: string;
}

export interface PricedLine {
  menuItemId: string;
  stationId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  unitCostCents: number;
  lineTotalCents: number;
  modifiers: OrderItemModifier[];
  allergens: string[];
  notes: string;
  prepSeconds: number;
}

export interface Totals {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  tipCents: number;
  totalCents: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  totals: Totals;
  costCents: number;
  discountCodeId: string | null;
  problems: Problem[];
}

/**
 * Prices an order from the database alone; nothing the client says about money is used.
 * Pass `lock` inside the placing transaction: menu rows are read FOR SHARE, so an 86 committed
 * before this read is seen, and one issued after it waits for the order to commit.
 */
export async function priceOrder(
  db: Queryable,
  store: Store,
  input: PreviewOrderInput,
  options: { now: Date; lock?: boolean; skipTiming?: boolean },
): Promise<PricedOrder> {
  const problems: Problem[] = [];
  const itemIds = [...new Set(input.items.map((l) => l.menuItemId))];
  const itemQuery = db
    .select()
    .from(menuItems)
    .where(and(eq(menuItems.storeId, store.id), inArray(menuItems.id, itemIds)));
  const items = options.lock ? await itemQuery.for('share') : await itemQuery;
  const itemById = new Map(items.map((i) => [i.id, i]));

  // The items' modifier groups with their options, in one round trip.
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
  const options_ = choices.flatMap((c) => (c.modifier ? [c.modifier] : []));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const modifierById = new Map(options_.map((m) => [m.id, m]));

  const lines: PricedLine[] = [];
  input.items.forEach((line, index) => {
    const path = ['items', index];
    const item = itemById.get(line.menuItemId);
    if (!item) {
      problems.push({
        path: [...path, 'menuItemId'],
        code: 'ITEM_NOT_FOUND',
        message: 'this item is no longer on the menu: remove it to order',
        say: { key: 'itemGone' },
      });
      return;
    }
    if (!item.isAvailable) {
      problems.push({
        path: [...path, 'menuItemId'],
        code: 'ITEM_UNAVAILABLE',
        message: `${item.name} is sold out`,
        say: { key: 'soldOut', values: { name: item.name } },
      });
    }
    const chosen: OrderItemModifier[] = [];
    const perGroup = new Map<string, number>();
    for (const modifierId of new Set(line.modifierIds)) {
      const modifier = modifierById.get(modifierId);
      const group = modifier && groupById.get(modifier.groupId);
      if (!modifier || !group || group.menuItemId !== item.id) {
        problems.push({
          path: [...path, 'modifierIds'],
          code: 'MODIFIER_INVALID',
          message: `that choice does not belong to ${item.name}`,
          say: { key: 'notAChoiceOf', values: { item: item.name } },
        });
        continue;
      }
      if (!modifier.isAvailable) {
        problems.push({
          path: [...path, 'modifierIds'],
          code: 'MODIFIER_UNAVAILABLE',
          message: `${modifier.name} is sold out`,
          say: { key: 'soldOut', values: { name: modifier.name } },
        });
      }
      perGroup.set(group.id, (perGroup.get(group.id) ?? 0) + 1);
      chosen.push({
        modifierId: modifier.id,
        groupName: group.name,
        name: modifier.name,
        kitchenLabel: modifier.kitchenLabel ?? modifier.name,
        priceDeltaCents: modifier.priceDeltaCents,
      });
    }
    for (const group of groups.filter((g) => g.menuItemId === item.id)) {
      const n = perGroup.get(group.id) ?? 0;
      if (n < group.minChoices || n > group.maxChoices) {
        problems.push({
          path: [...path, 'modifierIds'],
          code: 'MODIFIER_CHOICE',
          ...choiceMessage(group.name, group.minChoices, group.maxChoices),
        });
      }
    }
    const unitPriceCents = Math.max(
      0,
      item.priceCents + chosen.reduce((s, m) => s + m.priceDeltaCents, 0),
    );
    lines.push({
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
    });
  });

  if (!options.skipTiming) problems.push(...(await timingProblems(db, store, input, options.now)));

  const subtotalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);
  const discount: PricedDiscount = input.discountCode
    ? await priceDiscount(db, store, input.discountCode, lines, options.now)
    : { cents: 0, id: null };
  if (discount.problem) problems.push(discount.problem);
  if (input.tipCents % currencyStep(store.currency) !== 0) {
    problems.push({
      path: ['tipCents'],
      code: 'TIP_INVALID',
      message: `a tip in ${store.currency} goes in steps of ${stepText(store.currency)}`,
      say: {
        key: 'tipStep',
        values: { currency: store.currency, step: stepText(store.currency) },
      },
    });
  }
  const taxable = subtotalCents - discount.cents;
  const taxCents = percentOf(taxable, store.settings.taxRateBps, store.currency);
  const totals: Totals = {
    subtotalCents,
    discountCents: discount.cents,
    taxCents,
    tipCents: input.tipCents,
    totalCents: taxable + taxCents + input.tipCents,
  };
  const costCents = lines.reduce((s, l) => s + l.unitCostCents * l.quantity, 0);
  return { lines, totals, costCents, discountCodeId: discount.id, problems };
}

function choiceMessage(
  group: string,
  min: number,
  max: number,
): { message: string; say: ProblemWords } {
  if (min === max) {
    return {
      message: `choose ${min} for ${group}`,
      say: { key: 'chooseExactly', values: { number: min, group } },
    };
  }
  if (min === 0) {
    return {
      message: `choose at most ${max} for ${group}`,
      say: { key: 'chooseAtMost', values: { max, group } },
    };
  }
  return {
    message: `choose ${min} to ${max} for ${group}`,
    say: { key: 'chooseBetween', values: { min, max, group } },
  };
}
