import { orders } from '@kds/db';
import { and, eq, or, sql } from 'drizzle-orm';
import type { CustomerInput } from './schemas.ts';

/** What replaces a guest's words once they are erased. */
export const ERASED = '(erased)';

/** A guest's orders in one store, found by phone or email. */
export function matching(storeId: string, input: CustomerInput) {
  return and(
    eq(orders.storeId, storeId),
    or(
      input.phone ? eq(orders.customerPhone, input.phone) : undefined,
      input.email ? sql`lower(${orders.customerEmail}) = ${input.email}` : undefined,
    ),
  );
}
