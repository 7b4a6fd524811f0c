import { randomBytes } from 'node:crypto';
import { staff, staffMemberships, type Queryable } from '@kds/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { hashPassword } from '../auth/password.ts';
import { RANK, requireManager, type StaffPrincipal } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { acrossStores } from '../transaction.ts';
import { auditStaff, endSessions, membershipOf } from './internal.ts';
import type { StaffIdInput } from './schemas.ts';

/** Readable, typeable, and 72 bits of entropy: good for one sign-in, then replaced. */
const temporaryPassword = () => randomBytes(9).toString('base64url');

/**
 * Which of these accounts the caller may reset: an account belongs to its holder, so only
 * someone who outranks it in every store it works at (suspended there or not) may. Anyone
 * else's password would open doors the caller does not hold the keys to.
 */
export async function mayResetPassword(
  db: Queryable,
  actor: StaffPrincipal,
  staffIds: string[],
): Promise<Set<string>> {
  const targets = staffIds.filter((id) => id !== actor.staffId);
  if (targets.length === 0) return new Set();
  const [theirs, mine] = await Promise.all([
    db
      .select({
        staffId: staffMemberships.staffId,
        storeId: staffMemberships.storeId,
        role: staffMemberships.role,
      })
      .from(staffMemberships)
      .where(inArray(staffMemberships.staffId, targets)),
    db
      .select({ storeId: staffMemberships.storeId, role: staffMemberships.role })
      .from(staffMemberships)
      .where(
        and(eq(staffMemberships.staffId, actor.staffId), isNull(staffMemberships.suspendedAt)),
      ),
  ]);
  const myRank = new Map(mine.map((m) => [m.storeId, RANK[m.role]]));
  const refused = new Set(
    theirs.filter((m) => (myRank.get(m.storeId) ?? 0) <= RANK[m.role]).map((m) => m.staffId),
  );
  return new Set(theirs.map((m) => m.staffId).filter((id) => !refused.has(id)));
}

/**
 * A temporary password for someone who forgot theirs, handed over in person. Every session of
 * the account ends, a lock from wrong passwords is lifted, and the next sign-in must choose a
 * new password before anything else.
 */
export async function resetStaffPassword({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StaffIdInput;
}) {
  const manager = requireManager(ctx);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  // A rank is compared at every store the two share, and the account's sessions end at every
  // one of its stores: across stores.
  return acrossStores(ctx, 'account', async (tx) => {
    const { staff: member } = await membershipOf(tx.db, manager.storeId, input.staffId);
    if (!(await mayResetPassword(tx.db, manager, [member.id])).has(member.id)) {
      throw new ForbiddenError({ key: 'access.resetOutranked' });
    }
    await tx.db
      .update(staff)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(staff.id, member.id));
    await endSessions(tx.db, member.id, ctx.now());
    await auditStaff(tx.db, manager, 'staff.password_reset', member.id, null, null);
    return { id: member.id, temporaryPassword: password };
  });
}
