import { sessions, staff, staffMemberships, type Transaction } from '@kds/db';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import type { StaffPrincipal, StaffRole } from '../auth/principal.ts';
import type { Database } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';

/** Owners manage everyone at their store; managers manage the kitchen team only. */
export function mayManage(actor: StaffPrincipal, role: StaffRole): void {
  if (actor.role === 'owner') return;
  if (role !== 'kitchen') throw new ForbiddenError({ key: 'access.ownerManagesManagers' });
}

/** Someone's membership of this store (NOT_FOUND for anyone who does not work here). */
export async function membershipOf(db: Transaction | Database, storeId: string, staffId: string) {
  const [row] = await db
    .select({ staff, role: staffMemberships.role, suspendedAt: staffMemberships.suspendedAt })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(and(eq(staffMemberships.storeId, storeId), eq(staffMemberships.staffId, staffId)))
    .for('update');
  if (!row) throw new NotFoundError('staffMember', { staffId });
  return row;
}

/** A store keeps at least one owner who can act for it. */
export async function keepAnOwner(tx: Transaction, storeId: string): Promise<void> {
  const [owners] = await tx
    .select({ n: count() })
    .from(staffMemberships)
    .where(
      and(
        eq(staffMemberships.storeId, storeId),
        eq(staffMemberships.role, 'owner'),
        isNull(staffMemberships.suspendedAt),
      ),
    );
  if ((owners?.n ?? 0) < 1) throw new ConflictError({ key: 'admin.lastOwner' });
}

/**
 * Ends sessions of an account: those acting for one store (a change to that membership), or
 * all of them (a change to the account itself).
 */
export function endSessions(tx: Transaction, staffId: string, now: Date, storeId?: string) {
  return tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.staffId, staffId),
        isNull(sessions.revokedAt),
        storeId ? eq(sessions.storeId, storeId) : undefined,
      ),
    );
}

export const auditStaff = (
  tx: Transaction,
  who: StaffPrincipal,
  action: string,
  staffId: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, who, { action, entity: 'staff', entityId: staffId, before, after });
