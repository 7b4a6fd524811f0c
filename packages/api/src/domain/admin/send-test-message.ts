import { randomUUID } from 'node:crypto';
import { stores } from '@kds/db';
import { translatorFor } from '@kds/i18n';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireManager } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { NotFoundError, RateLimitedError } from '../errors.ts';
import { internationalPhone } from '../orders/phone.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { TypedPhone } from '../phone-input.ts';
import { readerLanguageOf } from '../stores/languages.ts';
import { inStore } from '../transaction.ts';

export const SendTestInput = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('sms'),
    to: TypedPhone,
  }),
  z.object({ channel: z.literal('email'), to: z.email().max(254) }),
]);
export type SendTestInput = z.infer<typeof SendTestInput>;

/**
 * "Send a test" from the Services card: one real text or email through the same outbox,
 * provider and limits as guests' messages, so the manager sees it arrive (or why not) in
 * Messages and on their own phone. In the manager's language; a number as dialled in the
 * store's country.
 */
export async function sendTestMessage({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: SendTestInput;
}) {
  const manager = requireManager(ctx);
  return inStore(ctx, manager.storeId, async (tx) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, manager.storeId));
    if (!store) throw new NotFoundError('store');
    const t = translatorFor(await readerLanguageOf(tx, store), 'server');
    const words = { store: store.name };
    const text = t(input.channel === 'sms' ? 'alerts.testSms' : 'alerts.testEmail', words);
    const to = input.channel === 'sms' ? internationalPhone(store, input.to, ['to']) : input.to;
    const queued = await enqueue(
      tx,
      {
        storeId: store.id,
        orderId: null,
        channel: input.channel,
        dedupeKey: `service-test:${randomUUID()}`,
        recipient: to,
        template: `${input.channel}.service_test`,
        payload:
          input.channel === 'sms'
            ? { kind: 'service_test', text }
            : { kind: 'service_test', subject: t('alerts.testSubject', words), text },
      },
      { perRecipientPerDay: tx.config.messagesPerRecipientPerDay },
    );
    if (!queued) throw new RateLimitedError({ key: 'limits.testMessages' });
    return { queued: true };
  });
}
