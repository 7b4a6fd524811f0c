import { staff, staffInvitations } from '@kds/db';
import { eq } from 'drizzle-orm';
import { requireStaff } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { acrossStores } from '../transaction.ts';
import { openInvitation } from './internal.ts';
import type { InvitationIdInput } from './schemas.ts';

/** "No thanks": the invitation closes, and its link stops working. */
export async function declineInvitation({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: InvitationIdInput;
}) {
  const me = requireStaff(ctx);
  return acrossStores(ctx, 'invitation-link', async (tx) => {
    const { invitation } = await openInvitation(tx.db, input.invitationId, ctx.now(), true);
    const [account] = await tx.db.select().from(staff).where(eq(staff.id, me.staffId));
    // Someone else's invitation is not theirs to see, let alone decline.
    if (account?.email !== invitation.email) throw new NotFoundError('invitation');
    await tx.db
      .update(staffInvitations)
      .set({ closedAt: ctx.now() })
      .where(eq(staffInvitations.id, invitation.id));
    return { id: invitation.id };
  });
}
