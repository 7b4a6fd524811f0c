import { discountCodes, type Queryable, type Store } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import type { Problem } from '../orders/pricing.ts';
import { judgeDiscount, type DiscountLine } from './discount-rules.ts';

export interface PricedDiscount {
  cents: number;
  id: string | null;
  problem?: Problem;
}

/** The code a guest typed, judged against their order: what it takes off, or why it does not. */
export async function priceDiscount(
  db: Queryable,
  store: Store,
  typed: string,
  lines: DiscountLine[],
  now: Date,
): Promise<PricedDiscount> {
  const [row] = await db
    .select()
    .from(discountCodes)
    .where(and(eq(discountCodes.storeId, store.id), eq(discountCodes.code, typed.toUpperCase())));
  const verdict = row
    ? judgeDiscount(row, { lines, now, timeZone: store.timezone, currency: store.currency })
    : ({
        ok: false,
        reason: 'we do not know this code',
        say: { key: 'discountUnknown' },
      } as const);
  if (!row || !verdict.ok) {
    return {
      cents: 0,
      id: null,
      problem: {
        path: ['discountCode'],
        // Unknown codes are told apart: guessing them is limited per client (trpc.ts).
        code: row ? 'DISCOUNT_INVALID' : 'DISCOUNT_UNKNOWN',
        message: verdict.ok ? '' : verdict.reason,
        ...(verdict.ok ? {} : { say: verdict.say }),
      },
    };
  }
  return { cents: verdict.cents, id: row.id };
}
