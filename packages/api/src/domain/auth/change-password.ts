import type { ErrorWords } from '@kds/i18n';
import { sessions, staff } from '@kds/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { englishOf, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { acrossStores } from '../transaction.ts';
import { attemptSucceeded, lockedWords, takeAttempt } from './account-lock.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireStaff } from './principal.ts';
import type { ChangePasswordInput } from './schemas.ts';

const problem = (path: string, code: string, say: ErrorWords) =>
  new ValidationError(say, { problems: [{ path: [path], code, message: englishOf(say) }] });

/**
 * Anyone signed in changes their own password, with the current one (a wrong one counts
 * towards the account's lock, like a wrong sign-in). Every other session of the account ends,
 * and a password a manager reset is replaced here.
 */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: ChangePasswordInput;
}): Promise<{ endedSessions: number }> {
  const me = requireStaff(ctx);
  const now = ctx.now();
  const [account] = await ctx.db.select().from(staff).where(eq(staff.id, me.staffId));
  if (!account) throw new NotFoundError('account');
  const attempt = await takeAttempt(ctx.db, account.id, now);
  if (!attempt.taken) throw new RateLimitedError(lockedWords(attempt.lockedUntil, now));
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw problem('currentPassword', 'PASSWORD_WRONG', { key: 'signIn.currentWrong' });
  }
  await attemptSucceeded(ctx.db, account.id);
  if (input.newPassword === input.currentPassword) {
    throw problem('newPassword', 'PASSWORD_UNCHANGED', { key: 'signIn.unchanged' });
  }
  const name = account.email.split('@')[0] ?? '';
  if (name.length >= 4 && input.newPassword.toLowerCase().includes(name)) {
    throw problem('newPassword', 'PASSWORD_WEAK', { key: 'signIn.containsEmail' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  // The account's other sessions end at every one of its stores.
  return acrossStores(ctx, 'account', async (tx) => {
    await tx.db
      .update(staff)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(staff.id, account.id));
    const ended = await tx.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.staffId, account.id),
          ne(sessions.id, me.sessionId),
          isNull(sessions.revokedAt),
        ),
      )
      .returning({ id: sessions.id });
    return { endedSessions: ended.length };
  });
}
