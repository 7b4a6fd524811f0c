import { z } from 'zod';
import { fromStripeAmount } from '../stripe-amount.ts';

/** A Checkout Session, its total turned from Stripe's units into the currency's minor units. */
export const Session = z
  .object({
    id: z.string(),
    client_reference_id: z.string().nullish(),
    payment_status: z.string(),
    amount_total: z.number().nullish(),
    currency: z.string().nullish(),
    payment_intent: z.string().nullish(),
  })
  .transform((s) => ({
    ...s,
    amount_total:
      s.amount_total == null ? s.amount_total : fromStripeAmount(s.amount_total, s.currency ?? ''),
  }));
export type StripeSession = z.infer<typeof Session>;
