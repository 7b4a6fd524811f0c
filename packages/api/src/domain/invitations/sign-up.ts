import { staff, staffInvitations, staffMemberships } from '@kds/db';
import { eq } from 'drizzle-orm';
import { openSession, type LoginResult } from '../auth/open-session.ts';
import { hashPassword } from '../auth/password.ts';
import type { DomainContext } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { auditStaff } from '../staff/internal.ts';
import { acrossStores } from '../transaction.ts';
import { idFromToken, openInvitation } from './internal.ts';
import type { SignUpInput } from './schemas.ts';

/**
 * Someone new creates their account from an invitation link (which only the invited address
 * received) with a password of their choosing, joins the store and is signed in.
 */
export async function signUp({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SignUpInput;
}): Promise<LoginResult> {
  const id = idFromToken(ctx.config.pickupPepper, input.token);
  // Refuse a dead link before the costly hash. A link names no store: found across stores.
  await acrossStores(ctx, 'invitation-link', ({ db }) => openInvitation(db, id, ctx.now()));
  const passwordHash = await hashPassword(input.password);
  const joined = await acrossStores(ctx, 'invitation-link', async (tx) => {
    const { invitation } = await openInvitation(tx.db, id, ctx.now(), true);
    const [existing] = await tx.db
      .select({ id: staff.id })
      .from(staff)
      .where(eq(staff.email, invitation.email));
    if (existing) {
      throw new ConflictError({ key: 'signIn.accountExistsInvited' });
    }
    const [account] = await tx.db
      .insert(staff)
      .values({ email: invitation.email, name: input.name, passwordHash })
      .returning();
    if (!account) throw new Error('account insert returned nothing');
    await tx.db
      .insert(staffMemberships)
      .values({ staffId: account.id, storeId: invitation.storeId, role: invitation.role });
    await tx.db
      .update(staffInvitations)
      .set({ acceptedAt: ctx.now(), acceptedBy: account.id })
      .where(eq(staffInvitations.id, invitation.id));
    const who = {
      kind: 'staff' as const,
      staffId: account.id,
      storeId: invitation.storeId,
      role: invitation.role,
      sessionId: '',
      mustChangePassword: false,
    };
    await auditStaff(tx.db, who, 'staff.joined', account.id, null, {
      role: invitation.role,
      invitationId: invitation.id,
      newAccount: true,
    });
    return { account, membership: { storeId: invitation.storeId, role: invitation.role } };
  });
  return openSession(ctx, joined.account, joined.membership);
}
