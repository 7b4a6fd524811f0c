import { staff, type Database } from '@kds/db';
import type { ErrorWords } from '@kds/i18n';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';

/** Wrong passwords that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_FOR_MS = 15 * 60_000;

/**
 * Takes one attempt from the account's allowance before its password is checked, in one
 * statement. Counting first (and giving the attempt back on success) is what makes the limit
 * hold: attempts sent side by side cannot all be checked before any of them is counted, and an
 * attempt cut short by a crash still counts. The attempt that spends the allowance sets the
 * lock itself; a right password lifts it.
 */
export async function takeAttempt(
  db: Database,
  staffId: string,
  now: Date,
): Promise<{ taken: true } | { taken: false; lockedUntil: Date }> {
  // Raw SQL gets no column mapping: times go in as ISO strings (postgres.js refuses a Date).
  const expired = sql`${staff.lockedUntil} <= ${now.toISOString()}::timestamptz`;
  // A lock that has run out starts a fresh count.
  const counted = sql`(case when ${expired} then 0 else ${staff.failedLogins} end) + 1`;
  const [reserved] = await db
    .update(staff)
    .set({
      failedLogins: counted,
      lockedUntil: sql`case when ${counted} >= ${LOCK_AFTER_FAILURES}
        then ${new Date(now.getTime() + LOCK_FOR_MS).toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(staff.id, staffId), or(isNull(staff.lockedUntil), lte(staff.lockedUntil, now))))
    .returning({ id: staff.id });
  if (reserved) return { taken: true };
  const [locked] = await db
    .select({ lockedUntil: staff.lockedUntil })
    .from(staff)
    .where(eq(staff.id, staffId));
  return {
    taken: false,
    lockedUntil: locked?.lockedUntil ?? new Date(now.getTime() + LOCK_FOR_MS),
  };
}

/** The right password: the attempt is given back, the count and any lock are cleared. */
export async function attemptSucceeded(db: Database, staffId: string): Promise<void> {
  await db.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, staffId));
}

export function lockedWords(lockedUntil: Date, now: Date): ErrorWords {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return { key: 'signIn.locked', values: { minutes } };
}
