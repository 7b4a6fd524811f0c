import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { StripeEventLike } from '../domain/payments/handle-stripe-event.ts';
import { fromStripeAmount, toStripeAmount } from '../domain/stripe-amount.ts';
import type { CheckoutRequest, GatewaySession, PaymentGateway } from '../domain/payments/ports.ts';

export interface StripeGateway extends PaymentGateway {
  /** Verifies a webhook on its raw body; throws on a bad or stale signature. */
  verifyWebhook(rawBody: Buffer, signature: string): StripeEventLike;
  /** Signs a payload as Stripe would (the simulated checkout's events). */
  sign(payload: string): string;
  simulated: boolean;
}

/** Each request gives up within 20 s (the SDK waits 80 s by default): inside the outbox's lease. */
const TIMEOUT_MS = 20_000;

function sdk(secretKey: string, apiUrl?: string): Stripe {
  if (!apiUrl) return new Stripe(secretKey, { timeout: TIMEOUT_MS });
  const url = new URL(apiUrl);
  return new Stripe(secretKey, {
    timeout: TIMEOUT_MS,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 1,
  });
}

/** Stripe Checkout through the real SDK (`apiUrl` points it at a local fake in tests). */
export function createStripeGateway(config: {
  secretKey: string;
  webhookSecret: string;
  apiUrl?: string;
}): StripeGateway {
  const stripe = sdk(config.secretKey, config.apiUrl);
  return {
    simulated: false,
    createCheckoutSession: (request) => createSession(stripe, request),
    recentSessions: (since) => listSessions(stripe, since),
    paymentDetails: (paymentIntentId) => paymentDetails(stripe, paymentIntentId),
    async refund(request) {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentIntentId,
          amount: request.currency
            ? toStripeAmount(request.amountCents, request.currency)
            : request.amountCents,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { id: refund.id };
    },
    verifyWebhook: (rawBody, signature) =>
      stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret),
    sign: (payload) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret: config.webhookSecret }),
  };
}

async function createSession(stripe: Stripe, request: CheckoutRequest) {
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: request.orderId,
      // Stripe's page in the guest's language (both of ours are among Checkout's locales).
      locale: request.language,
      line_items: request.lines.map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency: request.currency,
          unit_amount: toStripeAmount(line.unitAmountCents, request.currency),
          product_data: { name: line.name },
        },
      })),
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      expires_at: Math.floor(request.expiresAt.getTime() / 1000),
      metadata: request.metadata,
    },
    // One session per order and expiry: a retried request does not open a second one.
    { idempotencyKey: `checkout-${request.orderId}-${request.expiresAt.getTime()}` },
  );
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return { id: session.id, url: session.url };
}

async function listSessions(stripe: Stripe, since: Date): Promise<GatewaySession[]> {
  const sessions = [];
  for await (const session of stripe.checkout.sessions.list({
    created: { gte: Math.floor(since.getTime() / 1000) },
    limit: 100,
  })) {
    sessions.push({
      id: session.id,
      client_reference_id: session.client_reference_id,
      payment_status: session.payment_status,
      amount_total: session.amount_total,
      currency: session.currency,
      payment_intent: typeof session.payment_intent === 'string' ? session.payment_intent : null,
    });
  }
  return sessions;
}

async function paymentDetails(stripe: Stripe, paymentIntentId: string) {
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId, {
    expand: ['latest_charge.balance_transaction'],
  });
  const charge = intent.latest_charge;
  if (!charge || typeof charge === 'string') return null;
  const balance = charge.balance_transaction;
  if (!balance || typeof balance === 'string') return null;
  return {
    feeCents: fromStripeAmount(balance.fee, balance.currency),
    netCents: fromStripeAmount(balance.net, balance.currency),
    receiptUrl: charge.receipt_url ?? null,
  };
}

/**
 * Without Stripe keys: sessions open a local "Pay / Decline" page, which posts a correctly
 * signed Stripe event to /webhooks/stripe, so verification and handling run for real.
 */
export function createSimulatedStripe(config: {
  publicUrl: string;
  webhookSecret?: string;
}): StripeGateway {
  const webhookSecret =
    config.webhookSecret ?? `whsec_simulated_${randomBytes(16).toString('hex')}`;
  const stripe = sdk('sk_test_simulated');
  return {
    simulated: true,
    async createCheckoutSession() {
      const id = `cs_sim_${randomBytes(12).toString('hex')}`;
      return { id, url: `${config.publicUrl}/pay/${id}` };
    },
    // Nothing was charged: no fee to report, and the simulated refund only needs an id.
    paymentDetails: async () => null,
    // The simulated checkout's sessions live only in our own tables: nothing to compare with.
    recentSessions: async () => [],
    refund: async () => ({ id: `re_sim_${randomBytes(12).toString('hex')}` }),
    verifyWebhook: (rawBody, signature) =>
      stripe.webhooks.constructEvent(rawBody, signature, webhookSecret),
    sign: (payload) => stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }),
  };
}
