import { discountCodes, menuItems, orders } from '@kds/db';
import { and, desc, eq, inArray, ne, sql, sum } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import type { ChangeDiscountInput, CreateDiscountInput } from './schemas.ts';

/** The store's codes, newest first, with what each has given away on orders not canceled. */
export async function listDiscounts({ ctx }: { ctx: DomainContext }) {
  const { storeId } = requireManager(ctx);
  return inStore(ctx, storeId, async (tx) => {
    const [codes, given] = await Promise.all([
      tx.db
        .select()
        .from(discountCodes)
        .where(eq(discountCodes.storeId, storeId))
        .orderBy(desc(discountCodes.createdAt)),
      tx.db
        .select({ id: orders.discountCodeId, cents: sum(orders.discountCents).mapWith(Number) })
        .from(orders)
        .where(
          and(
            eq(orders.storeId, storeId),
            ne(orders.status, 'CANCELED'),
            ne(orders.status, 'EXPIRED'),
            sql`${orders.discountCodeId} is not null`,
          ),
        )
        .groupBy(orders.discountCodeId),
    ]);
    const now = tx.now();
    return codes.map((c) => ({
      ...c,
      state: !c.isActive
        ? ('paused' as const)
        : c.validUntil && c.validUntil <= now
          ? ('ended' as const)
          : c.validFrom && c.validFrom > now
            ? ('scheduled' as const)
            : c.maxUses !== null && c.timesUsed >= c.maxUses
              ? ('used up' as const)
              : ('active' as const),
      givenCents: given.find((g) => g.id === c.id)?.cents ?? 0,
    }));
  });
}

export async function createDiscount({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: CreateDiscountInput;
}) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    if (input.menuItemIds.length > 0) {
      const found = await tx.db
        .select({ id: menuItems.id })
        .from(menuItems)
        .where(and(eq(menuItems.storeId, who.storeId), inArray(menuItems.id, input.menuItemIds)));
      if (found.length !== new Set(input.menuItemIds).size) {
        throw new ValidationError({ key: 'admin.codeItemsUnknown' });
      }
    }
    const [created] = await tx.db
      .insert(discountCodes)
      .values({
        storeId: who.storeId,
        code: input.code,
        kind: input.kind,
        value: input.value,
        minOrderCents: input.minOrderCents,
        maxUses: input.maxUses ?? null,
        perGuestLimit: input.perGuestLimit ?? null,
        validFrom: input.validFrom ? new Date(input.validFrom) : null,
        validUntil: input.validUntil ? new Date(input.validUntil) : null,
        menuItemIds: [...new Set(input.menuItemIds)],
        note: input.note,
      })
      .onConflictDoNothing({ target: [discountCodes.storeId, discountCodes.code] })
      .returning();
    if (!created)
      throw new ConflictError({ key: 'admin.codeExists', values: { code: input.code } });
    await recordAudit(tx.db, who, {
      action: 'discount.created',
      entity: 'discount_code',
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

/** Pause, resume or end a code; ending is for good (its end time is now). */
export async function changeDiscount({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ChangeDiscountInput;
}) {
  const who = requireManager(ctx);
  return inStore(ctx, who.storeId, async (tx) => {
    const mine = and(eq(discountCodes.id, input.id), eq(discountCodes.storeId, who.storeId));
    const [before] = await tx.db.select().from(discountCodes).where(mine).for('update');
    if (!before) throw new NotFoundError('discountCode', { id: input.id });
    const now = tx.now();
    if (input.change === 'resume' && before.validUntil && before.validUntil <= now) {
      throw new ValidationError({ key: 'admin.codeEnded' });
    }
    const change =
      input.change === 'end' ? { validUntil: now } : { isActive: input.change === 'resume' };
    const [after] = await tx.db.update(discountCodes).set(change).where(mine).returning();
    await recordAudit(tx.db, who, {
      action: `discount.${input.change === 'end' ? 'ended' : input.change === 'pause' ? 'paused' : 'resumed'}`,
      entity: 'discount_code',
      entityId: before.id,
      before: { isActive: before.isActive, validUntil: before.validUntil },
      after: change,
    });
    return after;
  });
}
