import { modifierGroups, modifiers, type Transaction } from '@kds/db';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { SaveItemInput } from './schemas.ts';

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
  // Groups: keep the ones named by id (if they are this item's), add the new, drop the rest.
  const existingGroups = await tx
    .select({ id: modifierGroups.id })
    .from(modifierGroups)
    .where(eq(modifierGroups.menuItemId, itemId));
  const ownGroups = new Set(existingGroups.map((g) => g.id));
  const keptGroups: string[] = [];
  for (const [position, group] of input.entries()) {
    let groupId: string;
    const values = {
      name: group.name,
      minChoices: group.minChoices,
      maxChoices: group.maxChoices,
      sortOrder: position,
    };
    if (group.id && ownGroups.has(group.id)) {
      await tx.update(modifierGroups).set(values).where(eq(modifierGroups.id, group.id));
      groupId = group.id;
    } else {
      const [created] = await tx
        .insert(modifierGroups)
        .values({ ...values, storeId: storeId, menuItemId: itemId })
        .returning({ id: modifierGroups.id });
      if (!created) throw new Error('group insert returned nothing');
      groupId = created.id;
    }
    keptGroups.push(groupId);
    const existingChoices = await tx
      .select({ id: modifiers.id })
      .from(modifiers)
      .where(eq(modifiers.groupId, groupId));
    const ownChoices = new Set(existingChoices.map((m) => m.id));
    const keptChoices: string[] = [];
    for (const [index, choice] of group.modifiers.entries()) {
      const choiceValues = {
        name: choice.name,
        kitchenLabel: choice.kitchenLabel || null,
        priceDeltaCents: choice.priceDeltaCents,
        isAvailable: choice.isAvailable,
        sortOrder: index,
      };
      if (choice.id && ownChoices.has(choice.id)) {
        await tx.update(modifiers).set(choiceValues).where(eq(modifiers.id, choice.id));
        keptChoices.push(choice.id);
      } else {
        const [created] = await tx
          .insert(modifiers)
          .values({ ...choiceValues, storeId: storeId, groupId })
          .returning({ id: modifiers.id });
        if (created) keptChoices.push(created.id);
      }
    }
    await tx
      .delete(modifiers)
      .where(
        and(
          eq(modifiers.groupId, groupId),
          keptChoices.length ? notInArray(modifiers.id, keptChoices) : undefined,
        ),
      );
  }
  const dropped = [...ownGroups].filter((id) => !keptGroups.includes(id));
  if (dropped.length) {
    await tx.delete(modifiers).where(inArray(modifiers.groupId, dropped));
    await tx.delete(modifierGroups).where(inArray(modifierGroups.id, dropped));
  }
}
