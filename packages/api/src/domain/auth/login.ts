import { sessions, staff, staffMemberships } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { RateLimitedError, UnauthorizedError } from '../errors.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { StaffRole } from './principal.ts';
import type { LoginInput } from './schemas.ts';
import { newToken, STAFF_TOKEN_PREFIX } from './tokens.ts';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  staff: { id: string; name: string; email: string; role: StaffRole; storeId: string };
}

const invalid = () => new UnauthorizedError('email or password is not right');

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_FOR_MS = 15 * 60_000;

export async function login({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: LoginInput;
}): Promise<LoginResult> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.email, input.email)).limit(1);
  const ok = await verifyPassword(member?.passwordHash ?? (await decoyHash), input.password);
  const now = ctx.now();
  // A locked account stays locked even against the right password, until the time is up.
  if (member?.lockedUntil && member.lockedUntil > now) {
    const minutes = Math.ceil((member.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new RateLimitedError(`too many wrong passwords; try again in ${minutes} min`);
  }
  if (member && !ok) {
    const failures = member.failedLogins + 1;
    const locks = failures >= LOCK_AFTER_FAILURES;
    await ctx.db
      .update(staff)
      .set({
        failedLogins: locks ? 0 : failures,
        lockedUntil: locks ? new Date(now.getTime() + LOCK_FOR_MS) : null,
      })
      .where(eq(staff.id, member.id));
  }
  if (!member || !ok || !member.isActive) throw invalid();
  if (member.failedLogins > 0 || member.lockedUntil) {
    await ctx.db
      .update(staff)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(staff.id, member.id));
  }

  const [membership] = await ctx.db
    .select()
    .from(staffMemberships)
    .where(eq(staffMemberships.staffId, member.id))
    .orderBy(asc(staffMemberships.createdAt))
    .limit(1);
  if (!membership) throw invalid();

  const { token, tokenHash } = newToken(STAFF_TOKEN_PREFIX);
  const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionTtlMs);
  await ctx.db.insert(sessions).values({
    staffId: member.id,
    storeId: membership.storeId,
    tokenHash,
    expiresAt,
  });
  return {
    token,
    expiresAt,
    staff: {
      id: member.id,
      name: member.name,
      email: member.email,
      role: membership.role,
      storeId: membership.storeId,
    },
  };
}
