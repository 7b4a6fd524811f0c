import type { ProblemWords } from '@kds/i18n';
import { createHmac } from 'node:crypto';
import { discountCodes, discountRedemptions, type Order } from '@kds/db';
import { and, count, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { TxContext } from '../context.ts';
import { problemError } from '../errors.ts';

const refuse = (say: ProblemWords) => problemError(['discountCode'], 'DISCOUNT_INVALID', say);

/** Who a guest is, for counting their uses of a code: a keyed hash of their phone, else email. */
export function guestKeyOf(pepper: string, order: Pick<Order, 'customerPhone' | 'customerEmail'>) {
  const contact = order.customerPhone
    ? `phone:${order.customerPhone}`
    : order.customerEmail
      ? `email:${order.customerEmail.trim().toLowerCase()}`
      : null;
  return contact && createHmac('sha256', pepper).update(contact).digest('base64url');
}

/**
 * Spends one use of the order's code, in the order's transaction: refused once the code is
 * used up (the count is checked and spent in one statement, so two orders cannot take the last
 * use) or once this guest has had their share. Placements are serialized per store by the
 * order-number lock, so counting the guest's uses and then adding one cannot race.
 */
export async function redeemDiscount(tx: TxContext, order: Order): Promise<void> {
  if (!order.discountCodeId) return;
  const [code] = await tx.db
    .update(discountCodes)
    .set({ timesUsed: sql`${discountCodes.timesUsed} + 1` })
    .where(
      and(
        eq(discountCodes.id, order.discountCodeId),
        or(isNull(discountCodes.maxUses), lt(discountCodes.timesUsed, discountCodes.maxUses)),
      ),
    )
    .returning();
  if (!code) throw refuse({ key: 'discountUsedUp' });
  const guestKey = guestKeyOf(tx.config.pickupPepper, order);
  if (code.perGuestLimit !== null) {
    if (!guestKey) throw refuse({ key: 'discountNeedsContact' });
    const [used] = await tx.db
      .select({ n: count() })
      .from(discountRedemptions)
      .where(
        and(
          eq(discountRedemptions.discountCodeId, code.id),
          eq(discountRedemptions.guestKey, guestKey),
          isNull(discountRedemptions.releasedAt),
        ),
      );
    if ((used?.n ?? 0) >= code.perGuestLimit) {
      throw refuse(
        code.perGuestLimit === 1
          ? { key: 'discountUsedOnce' }
          : { key: 'discountUsedTimes', values: { count: code.perGuestLimit } },
      );
    }
  }
  await tx.db.insert(discountRedemptions).values({
    storeId: order.storeId,
    discountCodeId: code.id,
    orderId: order.id,
    guestKey,
  });
}

/**
 * Gives the use back when an order is canceled or expires unpaid, once: the caller holds the
 * order's lock. Orders placed before redemptions were kept have no row and give back the count.
 */
export async function releaseDiscount(tx: TxContext, order: Order): Promise<void> {
  if (!order.discountCodeId) return;
  const [redemption] = await tx.db
    .select()
    .from(discountRedemptions)
    .where(eq(discountRedemptions.orderId, order.id));
  if (redemption?.releasedAt) return;
  if (redemption) {
    await tx.db
      .update(discountRedemptions)
      .set({ releasedAt: tx.now() })
      .where(eq(discountRedemptions.id, redemption.id));
  }
  await tx.db
    .update(discountCodes)
    .set({ timesUsed: sql`greatest(0, ${discountCodes.timesUsed} - 1)` })
    .where(eq(discountCodes.id, order.discountCodeId));
}
