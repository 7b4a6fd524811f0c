import type { Language } from '@kds/i18n';
/** One line of a hosted checkout, in the store's currency. */
export interface CheckoutLine {
  name: string;
  quantity: number;
  unitAmountCents: number;
}

export interface CheckoutRequest {
  orderId: string;
  orderNumber: number;
  currency: string;
  /** The language the guest ordered in: the provider's page speaks it. */
  language: Language;
  lines: CheckoutLine[];
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  metadata: Record<string, string>;
}

/**
 * What the domain needs from a payment provider. The Stripe gateway implements it with the
 * real SDK; without keys a simulated checkout stands in and still sends signed events.
 */
export interface PaymentGateway {
  createCheckoutSession(request: CheckoutRequest): Promise<{ id: string; url: string }>;
  /** Stripe's fee, the net amount and the receipt for a paid PaymentIntent, when known. */
  paymentDetails(
    paymentIntentId: string,
  ): Promise<{ feeCents: number; netCents: number; receiptUrl: string | null } | null>;
  /** Checkout Sessions created since a moment, as Stripe sees them (for reconciliation). */
  recentSessions(since: Date): Promise<GatewaySession[]>;
  /** Refunds against a PaymentIntent; the key makes a retried refund the same refund. */
  refund(request: {
    paymentIntentId: string;
    amountCents: number;
    /** The payment's currency; null: `amountCents` is already in Stripe's units. */
    currency: string | null;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
}

export interface GatewaySession {
  id: string;
  client_reference_id: string | null;
  payment_status: string;
  amount_total: number | null;
  currency: string | null;
  payment_intent: string | null;
}
