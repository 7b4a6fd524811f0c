import { useEffect } from 'react';
import { cartActions } from '../checkout/cart.ts';
import { navigate, queryParam, type Route } from './route.ts';

const IDLE_MS = 90_000;
const AFTER_ORDER_MS = 20_000;

/**
 * `?kiosk=1&store=<slug>` on a counter tablet: after an order the tracker shows for a moment,
 * then the next guest gets a fresh menu; an abandoned cart is cleared after inactivity.
 */
export function useKiosk(route: Route) {
  const kiosk = queryParam('kiosk') === '1';
  const home = queryParam('store');
  useEffect(() => {
    if (!kiosk || !home) return;
    const reset = () => {
      // Through the cart itself, so every screen that shows it hears of the reset.
      cartActions(home).clear();
      localStorage.removeItem(`kds.lastOrder.${home}`);
      navigate(`/order/${home}`);
    };
    if (route.page === 'track') {
      const t = setTimeout(reset, AFTER_ORDER_MS);
      return () => clearTimeout(t);
    }
    let timer = setTimeout(reset, IDLE_MS);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown', 'scroll'] as const;
    events.forEach((e) => window.addEventListener(e, activity, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, activity));
    };
  }, [kiosk, home, route.page]);
}
