import { executeRows, outbox, type NewOutboxMessage } from '@kds/db';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../context.ts';

type Message = Pick<
  NewOutboxMessage,
  'storeId' | 'orderId' | 'channel' | 'dedupeKey' | 'recipient' | 'template' | 'payload'
>;

/**
 * Queues a side effect in the caller's transaction: it leaves only if the change that caused it
 * commits (or alone, given the database). The dedupe key makes it once per order and kind,
 * however often the cause repeats.
 *
 * `perRecipientPerDay` bounds what anyone can make us send to one phone number or address
 * (guests' details are typed by whoever places the order): past it, the message is kept as
 * canceled, with the reason, and never sent.
 */
export async function enqueue(
  tx: { db: Transaction | Database; now: () => Date },
  message: Message,
  options: { perRecipientPerDay?: number } = {},
): Promise<boolean> {
  const limited =
    options.perRecipientPerDay !== undefined &&
    (await sentToday(tx, message)) >= options.perRecipientPerDay;
  const inserted = await tx.db
    .insert(outbox)
    .values({
      ...message,
      nextAttemptAt: tx.now(),
      ...(limited
        ? { status: 'canceled' as const, error: 'not sent: this recipient had its daily limit' }
        : {}),
    })
    .onConflictDoNothing({ target: [outbox.storeId, outbox.dedupeKey] })
    .returning({ id: outbox.id });
  return inserted.length > 0 && !limited;
}

/**
 * Messages of this channel to this recipient in the last day, in every store. The advisory
 * lock (held to the end of the transaction) makes two orders naming the same number count
 * one after the other.
 */
async function sentToday(
  tx: { db: Transaction | Database; now: () => Date },
  message: Message,
): Promise<number> {
  const key = `${message.channel}:${message.recipient}`;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  // Other stores' messages are hidden from this transaction: the count is a named path.
  const since = new Date(tx.now().getTime() - 24 * 3600_000).toISOString();
  const [row] = await executeRows<{ n: number }>(
    tx.db,
    sql`select kds_messages_sent_since(${message.channel}, ${message.recipient}, ${since}::timestamptz) as n`,
  );
  return row?.n ?? 0;
}
