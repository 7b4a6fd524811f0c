import { allergiesOf, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate } from '../shared/route.ts';
import type { PlaceInput } from '../shared/types.ts';
import { cartActions } from './cart.ts';

/**
 * Places the order from the checkout form. The cart's idempotency key goes with it, so a double
 * tap or a retry after a network error makes one order; on success the cart is emptied and the
 * guest goes to pay (online) or straight to the tracker.
 */
export function usePlaceOrder(
  storeSlug: string,
  order: Omit<PlaceInput, 'customer' | 'notes' | 'allergies'>,
) {
  const trpc = useTRPC();
  const placeOrder = useMutation(trpc.order.place.mutationOptions());
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const place = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setPlacing(true);
    setError(null);
    try {
      const placed = await placeOrder.mutateAsync({
        ...order,
        notes: text('notes'),
        allergies: allergiesOf(form),
        customer: {
          name: text('name'),
          ...(text('phone') ? { phone: text('phone') } : {}),
          ...(text('email') ? { email: text('email') } : {}),
          smsConsent: form.get('sms') === 'on',
          callConsent: form.get('call') === 'on',
          emailConsent: form.get('emailConsent') === 'on',
        },
      });
      cartActions(storeSlug).clear();
      // This device's latest order: the menu offers to add to it while it is not started.
      localStorage.setItem(`kds.lastOrder.${storeSlug}`, placed.trackingToken);
      if (placed.checkoutUrl) location.assign(placed.checkoutUrl);
      else navigate(`/track/${placed.trackingToken}`);
    } catch (e) {
      setError(e);
    } finally {
      setPlacing(false);
    }
  };
  return { place, placing, error };
}
