import { outbox, type NewOutboxMessage } from '@kds/db';
import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
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
  tx: { tx: Transaction | Database; now: () => Date },
  message: Message,
  options: { perRecipientPerDay?: number } = {},
): Promise<boolean> {
  const limited =
    options.perRecipientPerDay !== undefined &&
    (await sentToday(tx, message)) >= options.perRecipientPerDay;
  const inserted = await tx.tx
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
  tx: { tx: Transaction | Database; now: () => Date },
  message: Message,
): Promise<number> {
  const key = `${message.channel}:${message.recipient}`;
  await tx.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  const [row] = await tx.tx
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.channel, message.channel),
        eq(outbox.recipient, message.recipient),
        gt(outbox.createdAt, new Date(tx.now().getTime() - 24 * 3600_000)),
        ne(outbox.status, 'canceled'),
      ),
    );
  return row?.n ?? 0;
}
