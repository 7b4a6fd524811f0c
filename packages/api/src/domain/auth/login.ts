import { sessions, staff, staffMemberships } from '@kds/db';
import { asc, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { UnauthorizedError } from '../errors.ts';
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

export async function login({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: LoginInput;
}): Promise<LoginResult> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.email, input.email)).limit(1);
  const ok = await verifyPassword(member?.passwordHash ?? (await decoyHash), input.password);
  if (!member || !ok || !member.isActive) throw invalid();

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
