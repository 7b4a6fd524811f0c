import type { Store } from '@kds/db';
import { ValidationError } from '../errors.ts';

/**
 * How an order is paid: what the guest asked for, else the store's default. Refused when the
 * store does not take it, or when it is online and there is no payment provider.
 */
export function paymentMethodFor(
  store: Store,
  asked: 'online' | 'counter' | undefined,
  canPayOnline: boolean,
) {
  const mode = store.settings.paymentMode;
  const method = asked ?? (mode === 'counter' || !canPayOnline ? 'counter' : 'online');
  // No payment provider (production without Stripe): an online order would wait for a payment
  // that can never come, so it is refused rather than left hanging.
  if (method === 'online' && !canPayOnline) {
    throw new ValidationError(
      { key: 'orders.onlinePaymentDown' },
      {
        problems: [{ path: ['payment'], code: 'PAYMENT_METHOD_UNAVAILABLE' }],
      },
    );
  }
  if (mode !== 'both' && method !== mode) {
    throw new ValidationError(
      { key: mode === 'online' ? 'orders.onlineOnly' : 'orders.counterOnly' },
      { problems: [{ path: ['payment'], code: 'PAYMENT_METHOD_UNAVAILABLE' }] },
    );
  }
  return method;
}
