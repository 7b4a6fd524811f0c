import { staffMemberships } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { auditStaff, endSessions, keepAnOwner, membershipOf } from './internal.ts';
import type { ChangeRoleInput } from './schemas.ts';

/** Owners only; a store always keeps at least one owner. */
export async function changeStaffRole({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ChangeRoleInput;
}) {
  const manager = requireManager(ctx);
  if (manager.role !== 'owner') throw new ForbiddenError({ key: 'access.ownerChangesRoles' });
  return inStore(ctx, manager.storeId, async (tx) => {
    const { role } = await membershipOf(tx.db, manager.storeId, input.staffId);
    await tx.db
      .update(staffMemberships)
      .set({ role: input.role })
      .where(
        and(
          eq(staffMemberships.storeId, manager.storeId),
          eq(staffMemberships.staffId, input.staffId),
        ),
      );
    if (role === 'owner') await keepAnOwner(tx.db, manager.storeId);
    // Sessions carry the role they were opened with: those for this store end, so it applies.
    await endSessions(tx.db, input.staffId, ctx.now(), manager.storeId);
    await auditStaff(
      tx.db,
      manager,
      'staff.role_changed',
      input.staffId,
      { role },
      { role: input.role },
    );
    return { id: input.staffId, role: input.role };
  });
}
