import { currencyDigits, currencyStep, stepText, toDecimalString } from './money.ts';

// Stripe's amounts are in its own minor units, which differ from ISO 4217 for a few currencies:
// https://docs.stripe.com/currencies (zero-decimal currencies, special cases).
const STRIPE_ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '),
);

function stripeDigits(currency: string): number {
  if (STRIPE_ZERO_DECIMAL.has(currency)) return 0;
  return currencyDigits(currency) === 3 ? 3 : 2;
}

/** Thrown for an amount Stripe cannot take in this currency (fils not in tens, say). */
export class UnchargeableAmountError extends Error {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {
    super(
      `${currency} ${toDecimalString(amount, currency)} cannot be charged: card payments in ` +
        `${currency} take amounts in steps of ${stepText(currency)}`,
    );
    this.name = 'UnchargeableAmountError';
  }
}

/**
 * The amount as Stripe's API wants it. The same number for most currencies. Currencies written
 * without decimals that Stripe keeps two-decimal (ISK, HUF, COP, IDR, PKR, ...) go in
 * hundredths; three-decimal currencies must end in 0.
 */
export function toStripeAmount(amount: number, currency: string): number {
  const upper = currency.toUpperCase();
  if (amount % currencyStep(upper) !== 0) throw new UnchargeableAmountError(amount, upper);
  return amount * 10 ** (stripeDigits(upper) - currencyDigits(upper));
}

/** An amount from Stripe (a session's total, a refund, a fee) in the currency's minor units. */
export function fromStripeAmount(amount: number, currency: string): number {
  const upper = currency.toUpperCase();
  return Math.round(amount / 10 ** (stripeDigits(upper) - currencyDigits(upper)));
}
