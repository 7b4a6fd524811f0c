import { sessions, staff, staffMemberships } from '@kds/db';
import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { mayResetPassword } from './reset-staff-password.ts';
import { acrossStores, inStore } from '../transaction.ts';

/**
 * The store's people: role, suspended here or not, locked out by wrong passwords, sessions open
 * for this store, and whether the caller may reset their password.
 */
export async function listStaff({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  // Whose password the caller may reset compares ranks at every store they share: across stores.
  const resettable = await acrossStores(ctx, 'account', async ({ db }) => {
    const members = await db
      .select({ id: staffMemberships.staffId })
      .from(staffMemberships)
      .where(eq(staffMemberships.storeId, manager.storeId));
    return mayResetPassword(
      db,
      manager,
      members.map((m) => m.id),
    );
  });
  return inStore(ctx, manager.storeId, async (tx) => {
    const rows = await tx.db
      .select({
        id: staff.id,
        name: staff.name,
        email: staff.email,
        role: staffMemberships.role,
        suspendedAt: staffMemberships.suspendedAt,
        lockedUntil: staff.lockedUntil,
        createdAt: staffMemberships.createdAt,
      })
      .from(staffMemberships)
      .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
      .where(eq(staffMemberships.storeId, manager.storeId))
      .orderBy(asc(staff.name));
    const ids = rows.map((r) => r.id);
    const open = ids.length
      ? await tx.db
          .select({ staffId: sessions.staffId, n: count() })
          .from(sessions)
          .where(
            and(
              inArray(sessions.staffId, ids),
              eq(sessions.storeId, manager.storeId),
              isNull(sessions.revokedAt),
              gt(sessions.expiresAt, tx.now()),
            ),
          )
          .groupBy(sessions.staffId)
      : [];
    const openBy = new Map(open.map((o) => [o.staffId, o.n]));
    return rows.map((r) => ({
      ...r,
      isActive: r.suspendedAt === null,
      openSessions: openBy.get(r.id) ?? 0,
      canResetPassword: resettable.has(r.id),
    }));
  });
}
