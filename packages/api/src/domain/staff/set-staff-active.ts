import { staffMemberships } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { auditStaff, endSessions, keepAnOwner, mayManage, membershipOf } from './internal.ts';
import type { SetStaffActiveInput } from './schemas.ts';

/**
 * Suspends someone at this store, or lets them back: suspended, they cannot act for this store
 * and its sessions end. Their account and their other stores are not this store's to touch.
 */
export async function setStaffActive({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SetStaffActiveInput;
}) {
  const manager = requireManager(ctx);
  if (input.staffId === manager.staffId)
    throw new ForbiddenError({ key: 'access.notSuspendYourself' });
  return inStore(ctx, manager.storeId, async (tx) => {
    const member = await membershipOf(tx.db, manager.storeId, input.staffId);
    mayManage(manager, member.role);
    const suspendedAt = input.active ? null : (member.suspendedAt ?? ctx.now());
    await tx.db
      .update(staffMemberships)
      .set({ suspendedAt })
      .where(
        and(
          eq(staffMemberships.storeId, manager.storeId),
          eq(staffMemberships.staffId, input.staffId),
        ),
      );
    if (!input.active) {
      if (member.role === 'owner') await keepAnOwner(tx.db, manager.storeId);
      await endSessions(tx.db, input.staffId, ctx.now(), manager.storeId);
    }
    await auditStaff(
      tx.db,
      manager,
      input.active ? 'staff.activated' : 'staff.deactivated',
      input.staffId,
      { isActive: member.suspendedAt === null },
      { isActive: input.active },
    );
    return { id: input.staffId, isActive: input.active };
  });
}
