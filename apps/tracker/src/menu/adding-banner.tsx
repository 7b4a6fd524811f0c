import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { navigate, queryParam } from '../shared/route.ts';

/**
 * Adding to an order (?addTo=<token>), or offering to: this device's last order in this store
 * can still take items while the kitchen has not started it.
 */
export function AddingBanner({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  const trpc = useTRPC();
  const addTo = queryParam('addTo');
  const last = addTo ?? localStorage.getItem(`kds.lastOrder.${storeSlug}`);
  const order = useQuery({
    ...trpc.tracker.get.queryOptions({ trackingToken: last ?? '' }),
    enabled: Boolean(last),
    retry: false,
  });
  if (!order.data?.canAddItems) return null;
  if (addTo) return <p className="pill">{t('menu.addingTo', { number: order.data.number })}</p>;
  return (
    <p className="closed">
      {t('menu.notStarted', { number: order.data.number })}{' '}
      <button
        type="button"
        className="link"
        onClick={() => navigate(`/order/${storeSlug}?addTo=${last}`, { keepQuery: false })}
      >
        {t('menu.addToIt')}
      </button>
    </p>
  );
}
