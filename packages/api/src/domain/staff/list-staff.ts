import { sessions, staff, staffMemberships } from '@kds/db';
import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { mayResetPassword } from './reset-staff-password.ts';

/**
 * The store's people: role, suspended here or not, locked out by wrong passwords, sessions open
 * for this store, and whether the caller may reset their password.
 */
export async function listStaff({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  const rows = await ctx.db
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
    ? await ctx.db
        .select({ staffId: sessions.staffId, n: count() })
        .from(sessions)
        .where(
          and(
            inArray(sessions.staffId, ids),
            eq(sessions.storeId, manager.storeId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, ctx.now()),
          ),
        )
        .groupBy(sessions.staffId)
    : [];
  const openBy = new Map(open.map((o) => [o.staffId, o.n]));
  const resettable = await mayResetPassword(ctx.db, manager, ids);
  return rows.map((r) => ({
    ...r,
    isActive: r.suspendedAt === null,
    openSessions: openBy.get(r.id) ?? 0,
    canResetPassword: resettable.has(r.id),
  }));
}
