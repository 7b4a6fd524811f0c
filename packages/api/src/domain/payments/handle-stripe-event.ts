import { webhookEvents } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { DomainContext, TxContext } from '../context.ts';
import { acrossStores } from '../transaction.ts';
import { checkoutSessionEvent } from './stripe-checkout-session.ts';
import { chargeRefunded } from './stripe-refund.ts';

/** A verified Stripe event, as much of it as the handlers read. */
export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: unknown };
}

export type WebhookOutcome =
  'paid' | 'flagged' | 'failed' | 'expired' | 'refunded' | 'ignored' | 'duplicate';

/**
 * Handles a verified Stripe event exactly once: the event id is recorded in the same
 * transaction as its effect, so a repeat (or a concurrent twin) changes nothing, and a failure
 * rolls both back for Stripe to retry. Events may arrive in any order.
 */
export async function handleStripeEvent(
  ctx: DomainContext,
  event: StripeEventLike,
): Promise<WebhookOutcome> {
  // Stripe names a session or a payment intent, not a store: the event is applied across
  // stores, and each order's verb then acts for the order's store.
  return acrossStores(ctx, 'provider-webhook', async (tx) => {
    const [fresh] = await tx.db
      .insert(webhookEvents)
      .values({ provider: 'stripe', eventId: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!fresh) return 'duplicate';
    const outcome = await apply(tx, event);
    await tx.db
      .update(webhookEvents)
      .set({ outcome, processedAt: tx.now() })
      .where(eq(webhookEvents.id, fresh.id));
    return outcome;
  });
}

async function apply(tx: TxContext, event: StripeEventLike): Promise<WebhookOutcome> {
  if (event.type === 'charge.refunded') return chargeRefunded(tx, event);
  if (event.type.startsWith('checkout.session.')) return checkoutSessionEvent(tx, event);
  return 'ignored';
}
