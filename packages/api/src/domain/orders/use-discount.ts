import { discountCodes, type Transaction } from '@kds/db';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { ValidationError } from '../errors.ts';

/** Spends one use of a discount code, in the order's transaction; refused once it is used up. */
export async function useDiscount(tx: Transaction, id: string) {
  const used = await tx
    .update(discountCodes)
    .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
    .where(
      and(
        eq(discountCodes.id, id),
        or(isNull(discountCodes.maxUses), lt(discountCodes.timesUsed, discountCodes.maxUses)),
      ),
    )
    .returning({ id: discountCodes.id });
  if (used.length === 0) {
    throw new ValidationError('this code has just been used up', {
      problems: [{ path: ['discountCode'], code: 'DISCOUNT_INVALID' }],
    });
  }
}
