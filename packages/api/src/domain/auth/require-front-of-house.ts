import { stations } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { requireKitchen, type KitchenPrincipal } from './principal.ts';

/**
 * Who runs the pass: a manager or owner, or the expo screen (a paired screen at an expo station
 * or at all of them). Cooks and prep screens are refused.
 */
export async function requireFrontOfHouse(ctx: DomainContext): Promise<KitchenPrincipal> {
  const p = requireKitchen(ctx);
  if (p.kind === 'staff') {
    if (p.role === 'owner' || p.role === 'manager') return p;
    throw new ForbiddenError({ key: 'access.managerOrExpo' });
  }
  if (p.stationId === null) return p;
  const stationId = p.stationId;
  const [station] = await inStore(ctx, p.storeId, ({ db }) =>
    db
      .select({ kind: stations.kind })
      .from(stations)
      .where(and(eq(stations.id, stationId), eq(stations.storeId, p.storeId))),
  );
  if (station?.kind === 'expo') return p;
  throw new ForbiddenError({ key: 'access.managerOrExpo' });
}
