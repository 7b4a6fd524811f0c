import { orders, stores } from '@kds/db';
import { and, eq, or, sql } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { internationalPhone } from '../orders/phone.ts';
import type { CustomerInput } from './schemas.ts';

/** What replaces a guest's words once they are erased. */
export const ERASED = '(erased)';

/** The guest asked about, their phone as stored: typed as dialled in the store's country. */
export async function guestIn(
  ctx: DomainContext,
  storeId: string,
  input: CustomerInput,
): Promise<CustomerInput> {
  if (!input.phone) return input;
  const [store] = await ctx.db
    .select({ locale: stores.locale })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!store) throw new NotFoundError('store');
  return { ...input, phone: internationalPhone(store, input.phone, ['phone']) };
}

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
