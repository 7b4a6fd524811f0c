import { staff, staffInvitations, staffMemberships } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireStaff } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { auditStaff } from '../staff/internal.ts';
import { acrossStores } from '../transaction.ts';
import { idFromToken, openInvitation } from './internal.ts';
import type { AcceptInvitationInput } from './schemas.ts';

/**
 * The signed-in holder of the invited address joins the store, from their list of invitations
 * or from the emailed link. Someone who already works there keeps the role they have.
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: AcceptInvitationInput;
}) {
  const me = requireStaff(ctx);
  const invitationId =
    'token' in input ? idFromToken(ctx.config.pickupPepper, input.token) : input.invitationId;
  return acrossStores(ctx, 'invitation-link', async (tx) => {
    const { invitation, storeName } = await openInvitation(tx.db, invitationId, ctx.now(), true);
    const [account] = await tx.db.select().from(staff).where(eq(staff.id, me.staffId));
    if (account?.email !== invitation.email) {
      throw new ForbiddenError({
        key: 'access.invitationForOther',
        values: { email: invitation.email },
      });
    }
    await tx.db
      .insert(staffMemberships)
      .values({ staffId: me.staffId, storeId: invitation.storeId, role: invitation.role })
      .onConflictDoNothing();
    await tx.db
      .update(staffInvitations)
      .set({ acceptedAt: ctx.now(), acceptedBy: me.staffId })
      .where(eq(staffInvitations.id, invitation.id));
    // Written in the inviting store's log, by the person who joined it.
    await auditStaff(
      tx.db,
      { ...me, storeId: invitation.storeId },
      'staff.joined',
      me.staffId,
      null,
      {
        role: invitation.role,
        invitationId: invitation.id,
      },
    );
    return { storeId: invitation.storeId, storeName, role: invitation.role };
  });
}
