import { orderCounters } from '@kds/db';
import { sql } from 'drizzle-orm';
import type { TxContext } from '../context.ts';

/**
 * The order's number for the day. This row lock comes first in a placement: it serializes
 * placements per store and day, so the slot-capacity check inside pricing cannot be passed by
 * two orders at once.
 */
export async function nextNumber(
  tx: TxContext,
  storeId: string,
  businessDate: string,
): Promise<number> {
  const [counter] = await tx.db
    .insert(orderCounters)
    .values({ storeId, businessDate, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [orderCounters.storeId, orderCounters.businessDate],
      set: { lastNumber: sql`${orderCounters.lastNumber} + 1` },
    })
    .returning();
  return counter?.lastNumber ?? 1;
}
