import { staff, staffInvitations, staffMemberships } from '@kds/db';
import { and, eq, isNull } from 'drizzle-orm';
import { requireManager, type StaffPrincipal } from '../auth/principal.ts';
import type { DomainContext, TxContext } from '../context.ts';
import { ConflictError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { auditStaff, mayManage } from '../staff/internal.ts';
import { inStore } from '../transaction.ts';
import { INVITATION_TTL_MS } from './internal.ts';
import { invitationLink, invitationToken } from './invitation-token.ts';
import type { InviteStaffInput } from './schemas.ts';

/**
 * Asks someone to join the store. Nothing is attached and no password handed out: the holder
 * of the address accepts, signed in to their account or through the emailed link (which also
 * creates the account). The answer is the same whether or not the address has an account, so
 * a manager learns nothing about other stores' people. Without email set up on the server, the
 * link comes back here for the manager to hand over in person.
 */
export async function inviteStaff({ ctx, input }: { ctx: DomainContext; input: InviteStaffInput }) {
  const manager = requireManager(ctx);
  mayManage(manager, input.role);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [member] = await tx.db
      .select({ id: staff.id })
      .from(staffMemberships)
      .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
      .where(and(eq(staffMemberships.storeId, manager.storeId), eq(staff.email, input.email)));
    // The manager sees the store's own list anyway: this tells them nothing new.
    if (member) throw new ConflictError({ key: 'admin.alreadyStaff' });
    const invitation = await openInvitation(tx, manager, input);
    await enqueue(
      tx,
      {
        storeId: manager.storeId,
        orderId: null,
        channel: 'email',
        dedupeKey: `invitation:${invitation.id}:email`,
        recipient: invitation.email,
        template: 'email.staff_invitation',
        payload: { kind: 'staff_invitation', invitationId: invitation.id },
      },
      { perRecipientPerDay: ctx.config.messagesPerRecipientPerDay },
    );
    await auditStaff(tx.db, manager, 'staff.invited', invitation.id, null, {
      email: invitation.email,
      role: invitation.role,
    });
    const emailed = ctx.config.services.email === 'smtp';
    return {
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      emailed,
      link: emailed
        ? null
        : invitationLink(
            ctx.config.publicUrl,
            invitationToken(ctx.config.pickupPepper, invitation.id),
          ),
    };
  });
}

/** A new invitation; inviting again replaces the open one (a new link; the old one stops working). */
async function openInvitation(tx: TxContext, manager: StaffPrincipal, input: InviteStaffInput) {
  const now = tx.now();
  await tx.db
    .update(staffInvitations)
    .set({ closedAt: now })
    .where(
      and(
        eq(staffInvitations.storeId, manager.storeId),
        eq(staffInvitations.email, input.email),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.closedAt),
      ),
    );
  const [invitation] = await tx.db
    .insert(staffInvitations)
    .values({
      storeId: manager.storeId,
      email: input.email,
      name: input.name,
      role: input.role,
      invitedBy: manager.staffId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning();
  if (!invitation) throw new Error('invitation insert returned nothing');
  return invitation;
}
