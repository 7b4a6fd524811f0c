import { outbox, type NewOutboxMessage } from '@kds/db';
import type { TxContext } from '../context.ts';

/**
 * Queues a side effect in the caller's transaction: it leaves only if the change that caused it
 * commits. The dedupe key makes it once per order and kind, however often the cause repeats.
 */
export async function enqueue(
  tx: TxContext,
  message: Pick<
    NewOutboxMessage,
    'storeId' | 'orderId' | 'channel' | 'dedupeKey' | 'recipient' | 'template' | 'payload'
  >,
): Promise<void> {
  await tx.tx
    .insert(outbox)
    .values({ ...message, nextAttemptAt: tx.now() })
    .onConflictDoNothing({ target: [outbox.storeId, outbox.dedupeKey] });
}
