import { outbox, type OutboxMessage } from '@kds/db';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

/** Delivers one message; resolves with the provider's id, throws to have it retried. */
export type OutboxSender = (
  message: OutboxMessage,
  ctx: DomainContext,
) => Promise<{ providerId: string; costMicros?: number }>;

/** What to do once a message has left, in the domain (e.g. mark a refund done). */
export type OutboxDelivered = (
  ctx: DomainContext,
  message: OutboxMessage,
  providerId: string,
) => Promise<void>;

export interface OutboxOptions {
  senders: Partial<Record<OutboxMessage['channel'], OutboxSender>>;
  delivered?: Partial<Record<OutboxMessage['channel'], OutboxDelivered>>;
  maxAttempts?: number;
  batch?: number;
  /** How long a claimed message stays claimed before another worker may take it over. */
  leaseMs?: number;
}

/** 2 s, 4 s, 8 s ... up to ten minutes between attempts. */
export const backoffMs = (attempts: number) => Math.min(10 * 60_000, 1000 * 2 ** attempts);

/**
 * One pass of the outbox worker. Due messages are claimed with FOR UPDATE SKIP LOCKED (so
 * several instances can run it) and leased; a worker that dies mid-send leaves its lease to run
 * out, and the message is tried again. Providers are called with the message id as the
 * idempotency key, so a retry after a lost answer is not a second refund or a second SMS.
 */
export async function runOutbox(
  ctx: DomainContext,
  options: OutboxOptions,
): Promise<{ sent: number; failed: number }> {
  const now = ctx.now();
  const maxAttempts = options.maxAttempts ?? 8;
  const channels = Object.keys(options.senders) as OutboxMessage['channel'][];
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const claimed = await ctx.db.transaction(async (tx) => {
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
        lockedUntil: new Date(now.getTime() + (options.leaseMs ?? 60_000)),
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });

  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    const send = options.senders[message.channel];
    if (!send) continue;
    try {
      const { providerId, costMicros } = await send(message, ctx);
      await ctx.db
        .update(outbox)
        .set({
          status: 'sent',
          providerId,
          costMicros: costMicros ?? null,
          sentAt: ctx.now(),
          lockedUntil: null,
          error: null,
        })
        .where(eq(outbox.id, message.id));
      await options.delivered?.[message.channel]?.(ctx, message, providerId);
      sent += 1;
    } catch (error) {
      const giveUp = message.attempts >= maxAttempts;
      await ctx.db
        .update(outbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          error: (error as Error).message.slice(0, 500),
          lockedUntil: null,
          nextAttemptAt: new Date(ctx.now().getTime() + backoffMs(message.attempts)),
        })
        .where(eq(outbox.id, message.id));
      failed += 1;
    }
  }
  return { sent, failed };
}
