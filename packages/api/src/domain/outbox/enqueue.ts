import { outbox, type NewOutboxMessage } from '@kds/db';
import type { Database, Transaction } from '../context.ts';

/**
 * Queues a side effect in the caller's transaction: it leaves only if the change that caused it
 * commits (or alone, given the database). The dedupe key makes it once per order and kind, however often the cause repeats.
 */
export async function enqueue(
  tx: { tx: Transaction | Database; now: () => Date },
  message: Pick<
    NewOutboxMessage,
    'storeId' | 'orderId' | 'channel' | 'dedupeKey' | 'recipient' | 'template' | 'payload'
  >,
): Promise<boolean> {
  const inserted = await tx.tx
    .insert(outbox)
    .values({ ...message, nextAttemptAt: tx.now() })
    .onConflictDoNothing({ target: [outbox.storeId, outbox.dedupeKey] })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}
