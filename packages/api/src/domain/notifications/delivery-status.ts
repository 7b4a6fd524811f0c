import { outbox } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';

/**
 * A provider's report on a message (Twilio's status callback): its delivery status and its
 * cost, in millionths of the currency unit (Twilio prices texts in fractions of a cent).
 */
export async function recordDeliveryStatus(
  ctx: DomainContext,
  report: { providerId: string; status: string; price: string | undefined },
): Promise<boolean> {
  const price = report.price ? Math.round(Math.abs(Number(report.price)) * 1_000_000) : null;
  const updated = await ctx.db
    .update(outbox)
    .set({
      providerStatus: report.status,
      ...(price !== null && Number.isFinite(price) ? { costMicros: price } : {}),
    })
    .where(eq(outbox.providerId, report.providerId))
    .returning({ id: outbox.id });
  return updated.length > 0;
}
