import { randomUUID } from 'node:crypto';
import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, RateLimitedError } from '../errors.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { withTransaction } from '../transaction.ts';

export const SendTestInput = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('sms'),
    to: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an international number like +15551234567'),
  }),
  z.object({ channel: z.literal('email'), to: z.email().max(254) }),
]);
export type SendTestInput = z.infer<typeof SendTestInput>;

/**
 * "Send a test" from the Services card: one real text or email through the same outbox,
 * provider and limits as guests' messages, so the manager sees it arrive (or why not) in
 * Messages and on their own phone.
 */
export async function sendTestMessage({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SendTestInput;
}) {
  const manager = requireManager(ctx);
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, manager.storeId));
  if (!store) throw new NotFoundError('store');
  const text = `Test from ${store.name}: KDS can reach you by ${input.channel === 'sms' ? 'text' : 'email'}.`;
  const queued = await withTransaction(ctx, (tx) =>
    enqueue(
      tx,
      {
        storeId: store.id,
        orderId: null,
        channel: input.channel,
        dedupeKey: `service-test:${randomUUID()}`,
        recipient: input.to,
        template: `${input.channel}.service_test`,
        payload:
          input.channel === 'sms'
            ? { kind: 'service_test', text }
            : { kind: 'service_test', subject: `KDS test from ${store.name}`, text },
      },
      { perRecipientPerDay: ctx.config.messagesPerRecipientPerDay },
    ),
  );
  if (!queued)
    throw new RateLimitedError('this recipient had its messages for today; try tomorrow');
  return { queued: true };
}
