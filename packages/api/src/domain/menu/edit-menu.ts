import {
  menuCategories,
  menuItems,
  modifierGroups,
  modifiers,
  stations,
  type Transaction,
} from '@kds/db';
import { and, asc, count, eq, inArray, notInArray } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext, Principal } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { MenuIdInput, SaveCategoryInput, SaveItemInput, SaveStationInput } from './schemas.ts';

type Manager = Extract<Principal, { kind: 'staff' }>;

const audit = (
  tx: Transaction,
  who: Manager,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, who, { action, entity, entityId, before, after });

/** The whole menu as the manager edits it: costs, stations, every group and choice. */
export async function menuForEditing({ ctx }: { ctx: DomainContext }) {
  const { storeId } = requireManager(ctx);
  const [categories, items, groups, choices, stationRows] = await Promise.all([
    ctx.db
      .select()
      .from(menuCategories)
      .where(eq(menuCategories.storeId, storeId))
      .orderBy(asc(menuCategories.sortOrder), asc(menuCategories.name)),
    ctx.db
      .select()
      .from(menuItems)
      .where(eq(menuItems.storeId, storeId))
      .orderBy(asc(menuItems.sortOrder), asc(menuItems.name)),
    ctx.db
      .select()
      .from(modifierGroups)
      .where(eq(modifierGroups.storeId, storeId))
      .orderBy(asc(modifierGroups.sortOrder)),
    ctx.db
      .select()
      .from(modifiers)
      .where(eq(modifiers.storeId, storeId))
      .orderBy(asc(modifiers.sortOrder)),
    ctx.db
      .select()
      .from(stations)
      .where(eq(stations.storeId, storeId))
      .orderBy(asc(stations.sortOrder), asc(stations.name)),
  ]);
  return {
    stations: stationRows,
    categories: categories.map((c) => ({
      ...c,
      items: items
        .filter((i) => i.categoryId === c.id)
        .map((i) => ({
          ...i,
          modifierGroups: groups
            .filter((g) => g.menuItemId === i.id)
            .map((g) => ({ ...g, modifiers: choices.filter((m) => m.groupId === g.id) })),
        })),
    })),
  };
}

export async function saveCategory({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SaveCategoryInput;
}) {
  const who = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: menuCategories.id })
      .from(menuCategories)
      .where(and(eq(menuCategories.storeId, who.storeId), eq(menuCategories.name, input.name)));
    if (clash && clash.id !== input.id)
      throw new ConflictError(`there is already a category "${input.name}"`);
    if (input.id) {
      const [before] = await tx
        .select()
        .from(menuCategories)
        .where(and(eq(menuCategories.id, input.id), eq(menuCategories.storeId, who.storeId)));
      if (!before) throw new NotFoundError('category', { id: input.id });
      await tx
        .update(menuCategories)
        .set({ name: input.name, sortOrder: input.sortOrder })
        .where(eq(menuCategories.id, before.id));
      await audit(tx, who, 'menu.category_updated', 'menu_category', before.id, before, input);
      return { id: before.id };
    }
    const [created] = await tx
      .insert(menuCategories)
      .values({ storeId: who.storeId, name: input.name, sortOrder: input.sortOrder })
      .returning();
    if (!created) throw new Error('category insert returned nothing');
    await audit(tx, who, 'menu.category_created', 'menu_category', created.id, null, input);
    return { id: created.id };
  });
}

export async function deleteCategory({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(menuCategories)
      .where(and(eq(menuCategories.id, input.id), eq(menuCategories.storeId, who.storeId)));
    if (!before) throw new NotFoundError('category', { id: input.id });
    const [used] = await tx
      .select({ n: count() })
      .from(menuItems)
      .where(eq(menuItems.categoryId, before.id));
    if ((used?.n ?? 0) > 0) throw new ConflictError('move or remove its items first');
    await tx.delete(menuCategories).where(eq(menuCategories.id, before.id));
    await audit(tx, who, 'menu.category_deleted', 'menu_category', before.id, before, null);
    return { id: before.id };
  });
}

/**
 * Creates or updates an item with its modifier groups in one transaction. The category and
 * station must be this store's; groups and choices not in the input are removed (past orders
 * keep their own copies of names and prices, so nothing that was sold changes).
 */
export async function saveItem({ ctx, input }: { ctx: DomainContext; input: SaveItemInput }) {
  const who = requireManager(ctx);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [category] = await tx
      .select({ id: menuCategories.id })
      .from(menuCategories)
      .where(and(eq(menuCategories.id, input.categoryId), eq(menuCategories.storeId, who.storeId)));
    if (!category) throw new NotFoundError('category', { id: input.categoryId });
    const [station] = await tx
      .select({ id: stations.id })
      .from(stations)
      .where(and(eq(stations.id, input.stationId), eq(stations.storeId, who.storeId)));
    if (!station) throw new NotFoundError('station', { id: input.stationId });

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
    let itemId: string;
    let before: unknown = null;
    if (input.id) {
      const [existing] = await tx
        .select()
        .from(menuItems)
        .where(and(eq(menuItems.id, input.id), eq(menuItems.storeId, who.storeId)))
        .for('update');
      if (!existing) throw new NotFoundError('menu item', { id: input.id });
      before = existing;
      await tx.update(menuItems).set(fields).where(eq(menuItems.id, existing.id));
      itemId = existing.id;
    } else {
      const [created] = await tx
        .insert(menuItems)
        .values({ ...fields, storeId: who.storeId })
        .returning({ id: menuItems.id });
      if (!created) throw new Error('item insert returned nothing');
      itemId = created.id;
    }

    // Groups: keep the ones named by id (if they are this item's), add the new, drop the rest.
    const existingGroups = await tx
      .select({ id: modifierGroups.id })
      .from(modifierGroups)
      .where(eq(modifierGroups.menuItemId, itemId));
    const ownGroups = new Set(existingGroups.map((g) => g.id));
    const keptGroups: string[] = [];
    for (const [position, group] of input.modifierGroups.entries()) {
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
          .values({ ...values, storeId: who.storeId, menuItemId: itemId })
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
            .values({ ...choiceValues, storeId: who.storeId, groupId })
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
    await audit(
      tx,
      who,
      input.id ? 'menu.item_updated' : 'menu.item_created',
      'menu_item',
      itemId,
      before,
      input,
    );
    return { id: itemId };
  });
}

/** Removes an item from the menu; orders that had it keep their copy. */
export async function deleteItem({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(menuItems)
      .where(and(eq(menuItems.id, input.id), eq(menuItems.storeId, who.storeId)));
    if (!before) throw new NotFoundError('menu item', { id: input.id });
    const groups = await tx
      .select({ id: modifierGroups.id })
      .from(modifierGroups)
      .where(eq(modifierGroups.menuItemId, before.id));
    if (groups.length) {
      await tx.delete(modifiers).where(
        inArray(
          modifiers.groupId,
          groups.map((g) => g.id),
        ),
      );
      await tx.delete(modifierGroups).where(eq(modifierGroups.menuItemId, before.id));
    }
    await tx.delete(menuItems).where(eq(menuItems.id, before.id));
    await audit(tx, who, 'menu.item_deleted', 'menu_item', before.id, before, null);
    return { id: before.id };
  });
}

/** Adds or renames a station; items are routed to stations on the item. */
export async function saveStation({ ctx, input }: { ctx: DomainContext; input: SaveStationInput }) {
  const who = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: stations.id })
      .from(stations)
      .where(and(eq(stations.storeId, who.storeId), eq(stations.name, input.name)));
    if (clash && clash.id !== input.id)
      throw new ConflictError(`there is already a station "${input.name}"`);
    const values = {
      name: input.name,
      kind: input.kind,
      sortOrder: input.sortOrder,
      capacityItems: input.capacityItems,
    };
    if (input.id) {
      const [before] = await tx
        .select()
        .from(stations)
        .where(and(eq(stations.id, input.id), eq(stations.storeId, who.storeId)));
      if (!before) throw new NotFoundError('station', { id: input.id });
      await tx.update(stations).set(values).where(eq(stations.id, before.id));
      await audit(tx, who, 'station.updated', 'station', before.id, before, values);
      return { id: before.id };
    }
    const [created] = await tx
      .insert(stations)
      .values({ ...values, storeId: who.storeId })
      .returning({ id: stations.id });
    if (!created) throw new Error('station insert returned nothing');
    await audit(tx, who, 'station.created', 'station', created.id, null, values);
    return { id: created.id };
  });
}

/** A station with items routed to it cannot go: route them elsewhere first. */
export async function deleteStation({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(stations)
      .where(and(eq(stations.id, input.id), eq(stations.storeId, who.storeId)));
    if (!before) throw new NotFoundError('station', { id: input.id });
    const [used] = await tx
      .select({ n: count() })
      .from(menuItems)
      .where(eq(menuItems.stationId, before.id));
    if ((used?.n ?? 0) > 0) throw new ConflictError('route its items to another station first');
    await tx.delete(stations).where(eq(stations.id, before.id));
    await audit(tx, who, 'station.deleted', 'station', before.id, before, null);
    return { id: before.id };
  });
}
