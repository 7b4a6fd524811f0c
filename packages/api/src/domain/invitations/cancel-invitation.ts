import { staffInvitations } from '@kds/db';
import { and, eq, isNull } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { auditStaff, mayManage } from '../staff/internal.ts';
import { inStore } from '../transaction.ts';
import type { InvitationIdInput } from './schemas.ts';

/** Withdraws an invitation of this store: its link stops working at once. */
export async function cancelInvitation({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: InvitationIdInput;
}) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [invitation] = await tx.db
      .select()
      .from(staffInvitations)
      .where(
        and(
          eq(staffInvitations.id, input.invitationId),
          eq(staffInvitations.storeId, manager.storeId),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.closedAt),
        ),
      )
      .for('update');
    if (!invitation) throw new NotFoundError('invitation', { invitationId: input.invitationId });
    mayManage(manager, invitation.role);
    await tx.db
      .update(staffInvitations)
      .set({ closedAt: ctx.now() })
      .where(eq(staffInvitations.id, invitation.id));
    await auditStaff(
      tx.db,
      manager,
      'staff.invitation_canceled',
      invitation.id,
      {
        email: invitation.email,
        role: invitation.role,
      },
      null,
    );
    return { id: invitation.id };
  });
}
