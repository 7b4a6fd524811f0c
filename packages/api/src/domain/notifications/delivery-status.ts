import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';

/**
 * A provider's report on a message or call (Twilio's status callback): its delivery status,
 * a call's duration, and its cost in millionths of the currency unit (Twilio prices texts in
 * fractions of a cent).
 */
export async function recordDeliveryStatus(
  ctx: DomainContext,
  report: { providerId: string; status: string; price?: string; durationSeconds?: string },
): Promise<boolean> {
  const price = report.price ? Math.round(Math.abs(Number(report.price)) * 1_000_000) : null;
  const duration = report.durationSeconds ? Number.parseInt(report.durationSeconds, 10) : null;
  // Twilio names the message by its own id only: found across stores.
  const updated = await acrossStores(ctx, 'provider-webhook', ({ db }) =>
    db
      .update(outbox)
      .set({
        providerStatus: report.status,
        ...(price !== null && Number.isFinite(price) ? { costMicros: price } : {}),
        ...(duration !== null && Number.isInteger(duration) && duration >= 0
          ? { durationSeconds: duration }
          : {}),
      })
      .where(eq(outbox.providerId, report.providerId))
      .returning({ id: outbox.id }),
  );
  return updated.length > 0;
}
