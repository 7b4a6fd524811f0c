import { menuItems, stations } from '@kds/db';
import { and, count, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { audit, menuChanged } from './internal.ts';
import type { MenuIdInput, SaveStationInput } from './schemas.ts';

/** Adds or renames a station; items are routed to stations on the item. */
export async function saveStation({ ctx, input }: { ctx: DomainContext; input: SaveStationInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    const [clash] = await db
      .select({ id: stations.id })
      .from(stations)
      .where(and(eq(stations.storeId, who.storeId), eq(stations.name, input.name)));
    if (clash && clash.id !== input.id)
      throw new ConflictError({ key: 'admin.stationExists', values: { name: input.name } });
    const values = {
      name: input.name,
      kind: input.kind,
      sortOrder: input.sortOrder,
      capacityItems: input.capacityItems,
    };
    if (input.id) {
      const [before] = await db
        .select()
        .from(stations)
        .where(and(eq(stations.id, input.id), eq(stations.storeId, who.storeId)));
      if (!before) throw new NotFoundError('station', { id: input.id });
      await db.update(stations).set(values).where(eq(stations.id, before.id));
      await audit(db, who, 'station.updated', 'station', before.id, before, values);
      await menuChanged(tx, who.storeId, { entity: 'station', id: before.id, change: 'saved' });
      return { id: before.id };
    }
    const [created] = await db
      .insert(stations)
      .values({ ...values, storeId: who.storeId })
      .returning({ id: stations.id });
    if (!created) throw new Error('station insert returned nothing');
    await audit(db, who, 'station.created', 'station', created.id, null, values);
    await menuChanged(tx, who.storeId, { entity: 'station', id: created.id, change: 'saved' });
    return { id: created.id };
  });
}

/** A station with items routed to it cannot go: route them elsewhere first. */
export async function deleteStation({ ctx, input }: { ctx: DomainContext; input: MenuIdInput }) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const { db } = tx;
    const [before] = await db
      .select()
      .from(stations)
      .where(and(eq(stations.id, input.id), eq(stations.storeId, who.storeId)));
    if (!before) throw new NotFoundError('station', { id: input.id });
    const [used] = await db
      .select({ n: count() })
      .from(menuItems)
      .where(eq(menuItems.stationId, before.id));
    if ((used?.n ?? 0) > 0) throw new ConflictError({ key: 'admin.stationInUse' });
    await db.delete(stations).where(eq(stations.id, before.id));
    await audit(db, who, 'station.deleted', 'station', before.id, before, null);
    await menuChanged(tx, who.storeId, { entity: 'station', id: before.id, change: 'removed' });
    return { id: before.id };
  });
}
