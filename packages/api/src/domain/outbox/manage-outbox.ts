import { outbox, type Transaction } from '@kds/db';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { messageLabel } from './labels.ts';
import { InvalidTransitionError, NotFoundError } from '../errors.ts';
import { beyond, pageOf, PageCursor } from '../keyset.ts';
import { inStore } from '../transaction.ts';

export const OutboxListInput = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'recorded', 'canceled']).optional(),
  channel: z.enum(['sms', 'call', 'email', 'webhook', 'refund', 'print']).optional(),
  orderId: z.uuid().optional(),
  /** The last row of the previous page (rows of one transaction share `createdAt`). */
  cursor: PageCursor.optional(),
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
  return inStore(ctx, manager.storeId, async (tx) => {
    const rows = await tx.db
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
          beyond(outbox, input.cursor),
        ),
      )
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(input.limit + 1);
    const { rows: page, next } = pageOf(rows, input.limit);
    return { messages: page.map((row) => ({ ...row, label: messageLabel(row.template) })), next };
  });
}

async function findMessage(tx: Transaction, storeId: string, messageId: string, lock: boolean) {
  const query = tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, messageId), eq(outbox.storeId, storeId)));
  const [message] = lock ? await query.for('update') : await query;
  if (!message) throw new NotFoundError('message', { messageId });
  return message;
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
  return inStore(ctx, manager.storeId, async (tx) => {
    const message = await findMessage(tx.db, manager.storeId, input.messageId, true);
    if (message.status !== 'failed')
      throw new InvalidTransitionError(message.status, 'retryMessage');
    await tx.db
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: tx.now(), error: null })
      .where(eq(outbox.id, message.id));
    await recordAudit(tx.db, manager, {
      action: 'outbox.retried',
      entity: 'outbox',
      entityId: message.id,
      before: { status: message.status, attempts: message.attempts, error: message.error },
      after: { status: 'pending' },
    });
    return { id: message.id, status: 'pending' as const };
  });
}

/**
 * Sends a guest message that already went out once more (the guest deleted the text, the
 * email went to spam): a new message of the same kind, rendered fresh. Texts and email only.
 */
export async function resendOutboxMessage({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: OutboxRetryInput;
}) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const message = await findMessage(tx.db, manager.storeId, input.messageId, false);
    if (
      (message.status !== 'sent' && message.status !== 'recorded') ||
      (message.channel !== 'sms' && message.channel !== 'email')
    ) {
      throw new InvalidTransitionError(message.status, 'resendMessage');
    }
    const now = tx.now();
    const [copy] = await tx.db
      .insert(outbox)
      .values({
        storeId: message.storeId,
        orderId: message.orderId,
        channel: message.channel,
        dedupeKey: `${message.dedupeKey}:resent:${now.getTime()}`,
        recipient: message.recipient,
        template: message.template,
        payload: message.payload,
        nextAttemptAt: now,
      })
      .returning({ id: outbox.id });
    await recordAudit(tx.db, manager, {
      action: 'outbox.resent',
      entity: 'outbox',
      entityId: message.id,
      after: { copy: copy?.id },
    });
    return { id: copy?.id ?? null };
  });
}
