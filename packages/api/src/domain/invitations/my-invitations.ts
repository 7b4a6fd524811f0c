import { staff, staffInvitations, stores } from '@kds/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { requireStaff } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';

/** Invitations waiting for the signed-in person: to their account's email, from any store. */
export async function myInvitations({ ctx }: { ctx: DomainContext }) {
  const me = requireStaff(ctx);
  const inviter = alias(staff, 'inviter');
  return acrossStores(ctx, 'account', ({ db }) =>
    db
      .select({
        id: staffInvitations.id,
        storeName: stores.name,
        role: staffInvitations.role,
        invitedBy: inviter.name,
        expiresAt: staffInvitations.expiresAt,
      })
      .from(staffInvitations)
      .innerJoin(staff, eq(staff.email, staffInvitations.email))
      .innerJoin(stores, eq(stores.id, staffInvitations.storeId))
      .innerJoin(inviter, eq(inviter.id, staffInvitations.invitedBy))
      .where(
        and(
          eq(staff.id, me.staffId),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.closedAt),
          gt(staffInvitations.expiresAt, ctx.now()),
        ),
      )
      .orderBy(desc(staffInvitations.createdAt)),
  );
}
