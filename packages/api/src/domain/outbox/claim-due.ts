import { outbox, type OutboxMessage } from '@kds/db';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import type { OutboxOptions } from './run-outbox.ts';
import { acrossStoresOn } from '../transaction.ts';

/**
 * A claim lasts five minutes: far longer than any sender may take (SMTP, Twilio, Stripe and
 * webhook clients all give up within a minute), so a slow send is never started a second time
 * by another worker while the first is still under way.
 */
export const LEASE_MS = 5 * 60_000;

/**
 * Claims due messages under a lease: pending ones whose time has come, and ones whose sender
 * died mid-send (its lease ran out). Exported so tests can stage a crash after the claim.
 */
export async function claimDue(
  ctx: Pick<DomainContext, 'db' | 'now'>,
  channels: OutboxMessage['channel'][],
  options: Pick<OutboxOptions, 'batch' | 'leaseMs'> = {},
): Promise<OutboxMessage[]> {
  const now = ctx.now();
  // Due messages of every store, claimed together: the job runner's path across stores.
  return acrossStoresOn(ctx.db, 'job-runner', async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.channel, channels),
          or(
            and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
            and(eq(outbox.status, 'sending'), lt(outbox.lockedUntil, now)),
          ),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(options.batch ?? 20)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        status: 'sending',
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + (options.leaseMs ?? LEASE_MS)),
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}
