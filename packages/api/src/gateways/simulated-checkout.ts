import { randomBytes } from 'node:crypto';
import { orders, payments, stores, type Database } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { toStripeAmount } from '../domain/stripe-amount.ts';
import { acrossStoresOn } from '../domain/transaction.ts';

/** What the simulated checkout page shows, from the session the domain recorded. */
export async function simulatedSession(db: Database, sessionId: string) {
  // The session's id names no store: found across stores, as Stripe's webhook is.
  const [row] = await acrossStoresOn(db, 'provider-webhook', (tx) =>
    tx
      .select({
        orderId: orders.id,
        number: orders.number,
        trackingToken: orders.trackingToken,
        amountCents: payments.amountCents,
        currency: payments.currency,
        status: payments.status,
        language: orders.language,
        storeLocale: stores.locale,
      })
      .from(payments)
      .innerJoin(orders, eq(orders.id, payments.orderId))
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .where(and(eq(payments.provider, 'stripe'), eq(payments.providerRef, sessionId))),
  );
  return row ?? null;
}

/** The Stripe event a completed Checkout Session sends, in Stripe's own format. */
export function completedSessionEvent(
  sessionId: string,
  session: NonNullable<Awaited<ReturnType<typeof simulatedSession>>>,
) {
  return JSON.stringify({
    id: `evt_sim_${randomBytes(12).toString('hex')}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: session.orderId,
        payment_status: 'paid',
        status: 'complete',
        amount_total: toStripeAmount(session.amountCents, session.currency),
        payment_intent: `pi_sim_${randomBytes(12).toString('hex')}`,
        currency: session.currency.toLowerCase(),
      },
    },
  });
}
