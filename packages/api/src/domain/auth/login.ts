import { staff, staffMemberships } from '@kds/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../errors.ts';
import { attemptSucceeded, lockedWords, takeAttempt } from './account-lock.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { LoginInput } from './schemas.ts';
import { openSession, type LoginResult } from './open-session.ts';

const invalid = () => new UnauthorizedError({ key: 'signIn.wrong' });

/**
 * Signs in to the first store (by seniority) where the account is not suspended. Each attempt
 * is counted against the account before the password is checked (account-lock.ts).
 */
export async function login({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: LoginInput;
}): Promise<LoginResult> {
  const now = ctx.now();
  const [account] = await ctx.db.select().from(staff).where(eq(staff.email, input.email)).limit(1);
  if (!account) {
    // Same work as for a real account, so timing does not tell which emails exist.
    await verifyPassword(await decoyHash, input.password);
    throw invalid();
  }
  const attempt = await takeAttempt(ctx.db, account.id, now);
  if (!attempt.taken) throw new RateLimitedError(lockedWords(attempt.lockedUntil, now));
  if (!(await verifyPassword(account.passwordHash, input.password))) throw invalid();
  await attemptSucceeded(ctx.db, account.id);

  // The account's stores: its memberships, across stores.
  const [membership] = await acrossStores(ctx, 'sign-in', ({ db }) =>
    db
      .select()
      .from(staffMemberships)
      .where(and(eq(staffMemberships.staffId, account.id), isNull(staffMemberships.suspendedAt)))
      .orderBy(asc(staffMemberships.createdAt))
      .limit(1),
  );
  if (!membership) {
    throw new ForbiddenError({ key: 'signIn.noStore' });
  }
  return openSession(ctx, account, membership);
}
