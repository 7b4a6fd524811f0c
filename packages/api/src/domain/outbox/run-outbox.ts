import { outbox, type OutboxMessage } from '@kds/db';
import { claimDue } from './claim-due.ts';
import { and, eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { inStore } from '../transaction.ts';

/** Thrown by a sender when trying again cannot help (opted-out recipient, bad address). */
export class PermanentFailure extends Error {}

/** Thrown by a sender when the message has lost its purpose (an invitation already answered). */
export class NoLongerNeeded extends Error {}

/**
 * Delivers one message; resolves with the provider's id, throws to have it retried. A sender
 * must give up well within the lease (LEASE_MS): every transport has its own timeouts.
 * `recorded`: no provider is configured, so the message was written down, not sent.
 */
export type OutboxSender = (
  message: OutboxMessage,
  ctx: DomainContext,
) => Promise<{ providerId: string; costMicros?: number; recorded?: boolean }>;

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
  /** Why a message failed, in full, for the server's log (the row keeps the short reason). */
  onError?: (message: OutboxMessage, error: unknown) => void;
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
  const maxAttempts = options.maxAttempts ?? 8;
  const channels = Object.keys(options.senders) as OutboxMessage['channel'][];
  if (channels.length === 0) return { sent: 0, failed: 0 };
  const claimed = await claimDue(ctx, channels, options);
  // Each message on its own: a slow endpoint or provider does not hold up the others.
  const outcomes = await Promise.all(
    claimed.map((message) => deliver(ctx, options, message, maxAttempts)),
  );
  return {
    sent: outcomes.filter((o) => o === 'sent').length,
    failed: outcomes.filter((o) => o === 'failed').length,
  };
}

/** Only while our lease holds: a worker that lost it (too slow) must not overwrite the next one. */
const ours = (message: OutboxMessage) =>
  and(
    eq(outbox.id, message.id),
    eq(outbox.status, 'sending'),
    message.lockedUntil ? eq(outbox.lockedUntil, message.lockedUntil) : undefined,
  );

async function deliver(
  ctx: DomainContext,
  options: OutboxOptions,
  message: OutboxMessage,
  maxAttempts: number,
): Promise<'sent' | 'failed'> {
  const send = options.senders[message.channel];
  if (!send) return 'failed';
  let result;
  try {
    result = await send(message, ctx);
  } catch (error) {
    const moot = error instanceof NoLongerNeeded;
    if (!moot) options.onError?.(message, error);
    const giveUp = error instanceof PermanentFailure || message.attempts >= maxAttempts;
    await inStore(ctx, message.storeId, ({ db }) =>
      db
        .update(outbox)
        .set({
          status: moot ? 'canceled' : giveUp ? 'failed' : 'pending',
          error: (error as Error).message.slice(0, 500),
          lockedUntil: null,
          nextAttemptAt: new Date(ctx.now().getTime() + backoffMs(message.attempts)),
        })
        .where(ours(message)),
    );
    return 'failed';
  }
  const stillOurs = await inStore(ctx, message.storeId, ({ db }) =>
    db
      .update(outbox)
      .set({
        status: result.recorded ? 'recorded' : 'sent',
        providerId: result.providerId,
        costMicros: result.costMicros ?? null,
        sentAt: ctx.now(),
        lockedUntil: null,
        error: null,
      })
      .where(ours(message))
      .returning({ id: outbox.id }),
  );
  // A worker that lost its lease has been overtaken: the one that took the message over
  // records the outcome (a refund's amount is counted once, by whoever still held the lease).
  if (stillOurs.length === 0) return 'sent';
  await options.delivered?.[message.channel]?.(ctx, message, result.providerId);
  return 'sent';
}
