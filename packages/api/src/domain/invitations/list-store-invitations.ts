import { staff, staffInvitations } from '@kds/db';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { inStore } from '../transaction.ts';

/** The store's invitations still waiting for an answer, newest first. */
export async function listStoreInvitations({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, ({ db }) =>
    db
      .select({
        id: staffInvitations.id,
        email: staffInvitations.email,
        name: staffInvitations.name,
        role: staffInvitations.role,
        createdAt: staffInvitations.createdAt,
        expiresAt: staffInvitations.expiresAt,
        invitedBy: staff.name,
      })
      .from(staffInvitations)
      .innerJoin(staff, eq(staff.id, staffInvitations.invitedBy))
      .where(
        and(
          eq(staffInvitations.storeId, manager.storeId),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.closedAt),
          gt(staffInvitations.expiresAt, ctx.now()),
        ),
      )
      .orderBy(desc(staffInvitations.createdAt)),
  );
}
