import type { MenuItem, OrderItemModifier } from '@kds/db';
import type { ProblemWords } from '@kds/i18n';
import type { MenuRows } from './price-lines.ts';
import type { Problem } from './pricing.ts';

/** The item's chosen options, each of its own and on sale, as many per group as it takes. */
export function chooseModifiers(
  item: MenuItem,
  modifierIds: string[],
  path: (string | number)[],
  menu: MenuRows,
  problems: Problem[],
): OrderItemModifier[] {
  const chosen: OrderItemModifier[] = [];
  const perGroup = new Map<string, number>();
  for (const modifierId of new Set(modifierIds)) {
    const modifier = menu.modifierById.get(modifierId);
    const group = modifier && menu.groupById.get(modifier.groupId);
    if (!modifier || !group || group.menuItemId !== item.id) {
      problems.push({
        path,
        code: 'MODIFIER_INVALID',
        message: `that choice does not belong to ${item.name}`,
        say: { key: 'notAChoiceOf', values: { item: item.name } },
      });
      continue;
    }
    if (!modifier.isAvailable) {
      problems.push({
        path,
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
  for (const group of menu.groups.filter((g) => g.menuItemId === item.id)) {
    const n = perGroup.get(group.id) ?? 0;
    if (n < group.minChoices || n > group.maxChoices) {
      problems.push({
        path,
        code: 'MODIFIER_CHOICE',
        ...choiceMessage(group.name, group.minChoices, group.maxChoices),
      });
    }
  }
  return chosen;
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
