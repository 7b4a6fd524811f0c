import { useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { navigate, queryParam } from '../shared/route.ts';

/**
 * Adding to an order (?addTo=<token>), or offering to: this device's last order in this store
 * can still take items while the kitchen has not started it.
 */
export function AddingBanner({ storeSlug }: { storeSlug: string }) {
  const trpc = useTRPC();
  const addTo = queryParam('addTo');
  const last = addTo ?? localStorage.getItem(`kds.lastOrder.${storeSlug}`);
  const order = useQuery({
    ...trpc.tracker.get.queryOptions({ trackingToken: last ?? '' }),
    enabled: Boolean(last),
    retry: false,
  });
  if (!order.data?.canAddItems) return null;
  if (addTo) return <p className="pill">Adding to order #{order.data.number}</p>;
  return (
    <p className="closed">
      Your order #{order.data.number} has not been started yet.{' '}
      <button
        type="button"
        className="link"
        onClick={() => navigate(`/order/${storeSlug}?addTo=${last}`, { keepQuery: false })}
      >
        Add to it
      </button>
    </p>
  );
}
