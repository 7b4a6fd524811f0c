import { randomBytes } from 'node:crypto';
import { sessions, staff, staffMemberships, type Transaction } from '@kds/db';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit.ts';
import { hashPassword } from '../auth/password.ts';
import { requireManager, type StaffRole } from '../auth/principal.ts';
import type { DomainContext, Principal } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type {
  ChangeRoleInput,
  CreateStaffInput,
  SetStaffActiveInput,
  StaffIdInput,
} from './schemas.ts';

type Manager = Extract<Principal, { kind: 'staff' }>;

/** Owners manage everyone; managers manage kitchen staff only. */
function mayManage(actor: Manager, role: StaffRole): void {
  if (actor.role === 'owner') return;
  if (role !== 'kitchen') throw new ForbiddenError('only an owner manages managers and owners');
}

/** Readable, typeable, and 72 bits of entropy: handed over once, changed by nobody else. */
const temporaryPassword = () => randomBytes(9).toString('base64url');

async function membershipOf(
  tx: Transaction | DomainContext['db'],
  storeId: string,
  staffId: string,
) {
  const [row] = await tx
    .select({ staff, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(and(eq(staffMemberships.storeId, storeId), eq(staffMemberships.staffId, staffId)));
  if (!row) throw new NotFoundError('staff member', { staffId });
  return row;
}

const audit = (
  tx: Transaction,
  who: Manager,
  action: string,
  staffId: string,
  before: unknown,
  after: unknown,
) => recordAudit(tx, who, { action, entity: 'staff', entityId: staffId, before, after });

const revokeSessions = (tx: Transaction, staffId: string, now: Date) =>
  tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.staffId, staffId), isNull(sessions.revokedAt)));

/** The store's staff, with role, whether they can sign in, and open sessions. */
export async function listStaff({ ctx }: { ctx: DomainContext }) {
  const manager = requireManager(ctx);
  const rows = await ctx.db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      role: staffMemberships.role,
      isActive: staff.isActive,
      lockedUntil: staff.lockedUntil,
      createdAt: staff.createdAt,
    })
    .from(staffMemberships)
    .innerJoin(staff, eq(staff.id, staffMemberships.staffId))
    .where(eq(staffMemberships.storeId, manager.storeId))
    .orderBy(asc(staff.name));
  const open = await ctx.db
    .select({ staffId: sessions.staffId, n: count() })
    .from(sessions)
    .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, ctx.now())))
    .groupBy(sessions.staffId);
  const openBy = new Map(open.map((o) => [o.staffId, o.n]));
  return rows.map((r) => ({ ...r, openSessions: openBy.get(r.id) ?? 0 }));
}

/**
 * Adds someone to the store. A new account gets a temporary password, returned this once; an
 * existing account (they work at another store) just gains this store, password unchanged.
 */
export async function createStaff({ ctx, input }: { ctx: DomainContext; input: CreateStaffInput }) {
  const manager = requireManager(ctx);
  mayManage(manager, input.role);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(staff).where(eq(staff.email, input.email));
    const member =
      existing ??
      (await tx
        .insert(staff)
        .values({ name: input.name, email: input.email, passwordHash })
        .returning()
        .then((rows) => rows[0]));
    if (!member) throw new Error('staff insert returned nothing');
    const added = await tx
      .insert(staffMemberships)
      .values({ staffId: member.id, storeId: manager.storeId, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) throw new ConflictError('already works at this store');
    await audit(tx, manager, 'staff.added', member.id, null, {
      email: member.email,
      role: input.role,
      newAccount: !existing,
    });
    return { id: member.id, temporaryPassword: existing ? null : password };
  });
}

/** A new temporary password; their sessions end and a lock from wrong passwords is lifted. */
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
  return ctx.db.transaction(async (tx) => {
    const { staff: member, role } = await membershipOf(tx, manager.storeId, input.staffId);
    mayManage(manager, role);
    await tx
      .update(staff)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(eq(staff.id, member.id));
    await revokeSessions(tx, member.id, ctx.now());
    await audit(tx, manager, 'staff.password_reset', member.id, null, null);
    return { id: member.id, temporaryPassword: password };
  });
}

/** Deactivated staff cannot sign in and are signed out everywhere; reactivating lets them back. */
export async function setStaffActive({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SetStaffActiveInput;
}) {
  const manager = requireManager(ctx);
  if (input.staffId === manager.staffId) throw new ForbiddenError('you cannot deactivate yourself');
  return ctx.db.transaction(async (tx) => {
    const { staff: member, role } = await membershipOf(tx, manager.storeId, input.staffId);
    mayManage(manager, role);
    await tx.update(staff).set({ isActive: input.active }).where(eq(staff.id, member.id));
    if (!input.active) await revokeSessions(tx, member.id, ctx.now());
    await audit(
      tx,
      manager,
      input.active ? 'staff.activated' : 'staff.deactivated',
      member.id,
      { isActive: member.isActive },
      { isActive: input.active },
    );
    return { id: member.id, isActive: input.active };
  });
}

/** Owners only; a store always keeps at least one owner. */
export async function changeStaffRole({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ChangeRoleInput;
}) {
  const manager = requireManager(ctx);
  if (manager.role !== 'owner') throw new ForbiddenError('only an owner changes roles');
  return ctx.db.transaction(async (tx) => {
    const { staff: member, role } = await membershipOf(tx, manager.storeId, input.staffId);
    if (role === 'owner' && input.role !== 'owner') {
      const [owners] = await tx
        .select({ n: count() })
        .from(staffMemberships)
        .where(
          and(eq(staffMemberships.storeId, manager.storeId), eq(staffMemberships.role, 'owner')),
        );
      if ((owners?.n ?? 0) <= 1) throw new ConflictError('a store needs at least one owner');
    }
    await tx
      .update(staffMemberships)
      .set({ role: input.role })
      .where(
        and(eq(staffMemberships.storeId, manager.storeId), eq(staffMemberships.staffId, member.id)),
      );
    // Sessions carry the role they were opened with: sign them out so the new role applies.
    await revokeSessions(tx, member.id, ctx.now());
    await audit(tx, manager, 'staff.role_changed', member.id, { role }, { role: input.role });
    return { id: member.id, role: input.role };
  });
}
