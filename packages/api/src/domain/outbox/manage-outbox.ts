import { auditLog, outbox } from '@kds/db';
import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError, NotFoundError } from '../errors.ts';

export const OutboxListInput = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  channel: z.enum(['sms', 'call', 'email', 'webhook', 'refund']).optional(),
  orderId: z.uuid().optional(),
  /** The `createdAt` of the last row of the previous page. */
  before: z.iso.datetime().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type OutboxListInput = z.infer<typeof OutboxListInput>;

export const OutboxRetryInput = z.object({ messageId: z.uuid() });
export type OutboxRetryInput = z.infer<typeof OutboxRetryInput>;

/**
 * What left (or tried to) for the manager's store, newest first: with Twilio and SMTP off this
 * is where texts and emails are "delivered". Bodies are not kept (they may hold a pickup code).
 */
export async function listOutbox({ ctx, input }: { ctx: DomainContext; input: OutboxListInput }) {
  const manager = requireManager(ctx);
  const rows = await ctx.db
    .select({
      id: outbox.id,
      orderId: outbox.orderId,
      channel: outbox.channel,
      template: outbox.template,
      recipient: outbox.recipient,
      status: outbox.status,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      providerId: outbox.providerId,
      providerStatus: outbox.providerStatus,
      error: outbox.error,
      costMicros: outbox.costMicros,
      durationSeconds: outbox.durationSeconds,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.storeId, manager.storeId),
        input.status ? eq(outbox.status, input.status) : undefined,
        input.channel ? eq(outbox.channel, input.channel) : undefined,
        input.orderId ? eq(outbox.orderId, input.orderId) : undefined,
        input.before ? lt(outbox.createdAt, new Date(input.before)) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt))
    .limit(input.limit);
  return { messages: rows, next: rows.length === input.limit ? rows.at(-1)?.createdAt : null };
}

/** Sends a failed message again, now, with a fresh allowance of tries; audited. */
export async function retryOutboxMessage({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: OutboxRetryInput;
}) {
  const manager = requireManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, input.messageId), eq(outbox.storeId, manager.storeId)))
      .for('update');
    if (!message) throw new NotFoundError('message', { messageId: input.messageId });
    if (message.status !== 'failed') throw new InvalidTransitionError(message.status, 'retry');
    await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: ctx.now(), error: null })
      .where(eq(outbox.id, message.id));
    await tx.insert(auditLog).values({
      storeId: manager.storeId,
      staffId: manager.staffId,
      action: 'outbox.retried',
      entity: 'outbox',
      entityId: message.id,
      before: { status: message.status, attempts: message.attempts, error: message.error },
      after: { status: 'pending' },
    });
    return { id: message.id, status: 'pending' as const };
  });
}
