import Stripe from 'stripe';

/** Signs test events as Stripe would; the SDK's own helper, not ours. */
const signer = new Stripe('sk_test_signer');

/** A `checkout.session.completed` event as Stripe sends it, paid in full. */
export function completedEvent(
  sessionId: string,
  orderId: string,
  amount: number,
  currency = 'usd',
  id = `evt_${crypto.randomUUID()}`,
  paymentIntent = `pi_${crypto.randomUUID()}`,
) {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: orderId,
        payment_status: 'paid',
        amount_total: amount,
        currency,
        payment_intent: paymentIntent,
      },
    },
  });
}

/** Posts a signed Stripe event to the server's webhook, as Stripe would. */
export async function deliverStripe(
  serverUrl: string,
  payload: string,
  options: { secret: string; timestamp?: number },
) {
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  const response = await fetch(`http://${serverUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as { outcome?: string } };
}
