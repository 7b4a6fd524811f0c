import { modifierGroups, modifiers, type Transaction } from '@kds/db';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { SaveItemInput } from './schemas.ts';

type Group = SaveItemInput['modifierGroups'][number];

/**
 * An item's choices as the input lists them: groups and choices named by id (if they are this
 * item's) are updated, new ones added, the rest removed.
 */
export async function saveGroups(
  tx: Transaction,
  storeId: string,
  itemId: string,
  input: SaveItemInput['modifierGroups'],
) {
  const existing = await tx
    .select({ id: modifierGroups.id })
    .from(modifierGroups)
    .where(eq(modifierGroups.menuItemId, itemId));
  const own = new Set(existing.map((g) => g.id));
  const kept: string[] = [];
  for (const [position, group] of input.entries()) {
    const groupId = await saveGroup(tx, { storeId, itemId, own }, group, position);
    kept.push(groupId);
    await saveChoices(tx, storeId, groupId, group.modifiers);
  }
  const dropped = [...own].filter((id) => !kept.includes(id));
  if (dropped.length) {
    await tx.delete(modifiers).where(inArray(modifiers.groupId, dropped));
    await tx.delete(modifierGroups).where(inArray(modifierGroups.id, dropped));
  }
}

/** Updates the group if it is one of this item's, else adds it; answers its id. */
async function saveGroup(
  tx: Transaction,
  item: { storeId: string; itemId: string; own: Set<string> },
  group: Group,
  position: number,
): Promise<string> {
  const values = {
    name: group.name,
    minChoices: group.minChoices,
    maxChoices: group.maxChoices,
    sortOrder: position,
  };
  if (group.id && item.own.has(group.id)) {
    await tx.update(modifierGroups).set(values).where(eq(modifierGroups.id, group.id));
    return group.id;
  }
  const [created] = await tx
    .insert(modifierGroups)
    .values({ ...values, storeId: item.storeId, menuItemId: item.itemId })
    .returning({ id: modifierGroups.id });
  if (!created) throw new Error('group insert returned nothing');
  return created.id;
}

/** The group's choices: the same rule as its groups (kept by id, added, the rest removed). */
async function saveChoices(
  tx: Transaction,
  storeId: string,
  groupId: string,
  choices: Group['modifiers'],
) {
  const existing = await tx
    .select({ id: modifiers.id })
    .from(modifiers)
    .where(eq(modifiers.groupId, groupId));
  const own = new Set(existing.map((m) => m.id));
  const kept: string[] = [];
  for (const [index, choice] of choices.entries()) {
    const values = {
      name: choice.name,
      kitchenLabel: choice.kitchenLabel || null,
      priceDeltaCents: choice.priceDeltaCents,
      isAvailable: choice.isAvailable,
      sortOrder: index,
    };
    if (choice.id && own.has(choice.id)) {
      await tx.update(modifiers).set(values).where(eq(modifiers.id, choice.id));
      kept.push(choice.id);
      continue;
    }
    const [created] = await tx
      .insert(modifiers)
      .values({ ...values, storeId, groupId })
      .returning({ id: modifiers.id });
    if (created) kept.push(created.id);
  }
  await tx
    .delete(modifiers)
    .where(
      and(eq(modifiers.groupId, groupId), kept.length ? notInArray(modifiers.id, kept) : undefined),
    );
}
