import { staffMemberships } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { inStore } from '../transaction.ts';
import { auditStaff, endSessions, keepAnOwner, mayManage, membershipOf } from './internal.ts';
import type { StaffIdInput } from './schemas.ts';

/** Someone no longer works here: their membership goes and its sessions end; the account stays theirs. */
export async function removeStaff({ ctx, input }: { ctx: DomainContext; input: StaffIdInput }) {
  const manager = requireManager(ctx);
  if (input.staffId === manager.staffId) throw new ForbiddenError({ key: 'access.notYourself' });
  return inStore(ctx, manager.storeId, async (tx) => {
    const member = await membershipOf(tx.db, manager.storeId, input.staffId);
    mayManage(manager, member.role);
    await tx.db
      .delete(staffMemberships)
      .where(
        and(
          eq(staffMemberships.storeId, manager.storeId),
          eq(staffMemberships.staffId, input.staffId),
        ),
      );
    if (member.role === 'owner') await keepAnOwner(tx.db, manager.storeId);
    await endSessions(tx.db, input.staffId, ctx.now(), manager.storeId);
    await auditStaff(
      tx.db,
      manager,
      'staff.removed',
      input.staffId,
      {
        email: member.staff.email,
        role: member.role,
      },
      null,
    );
    return { id: input.staffId };
  });
}
