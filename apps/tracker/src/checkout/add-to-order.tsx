import { useTranslation } from '@kds/i18n/react';
import { problemsOf, Totals, useFormat, useTRPC } from '@kds/ui';
import { keepPreviousData, useQuery, useMutation } from '@tanstack/react-query';
import { navigate } from '../shared/route.ts';
import { cartActions, useCart } from './cart.ts';
import { CartLines } from './cart-lines.tsx';
import { CheckoutHead } from './checkout-head.tsx';

/** Checkout for items added to an order the kitchen has not started yet. */
export function AddToOrderCheckout({ storeSlug, token }: { storeSlug: string; token: string }) {
  const { t } = useTranslation('guest');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const addItems = useMutation(
    trpc.order.addItems.mutationOptions({
      onSuccess: () => {
        cartActions(storeSlug).clear();
        navigate(`/track/${token}`, { keepQuery: false });
      },
    }),
  );
  const cart = useCart(storeSlug);
  const order = useQuery(trpc.tracker.get.queryOptions({ trackingToken: token }));
  const items = cart.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { storeSlug, items, fulfilment: { type: 'pickup' }, tipCents: 0 },
      { enabled: items.length > 0, placeholderData: keepPreviousData },
    ),
  );
  const { byPath, general } = problemsOf(
    preview.data?.problems.filter((p) => p.code !== 'STORE_CLOSED'),
    addItems.error,
    tc,
    format,
  );

  const add = () =>
    addItems.mutate({ trackingToken: token, items, idempotencyKey: cart.idempotencyKey });

  return (
    <main className="page page--checkout">
      <CheckoutHead
        storeSlug={storeSlug}
        title={
          order.data
            ? t('checkout.addTitle', { number: order.data.number })
            : t('checkout.addTitleLoading')
        }
        general={general}
      />
      <CartLines storeSlug={storeSlug} cart={cart} preview={preview.data} problems={byPath} />
      <Totals preview={preview.data} />
      <button
        type="button"
        className="primary"
        disabled={addItems.isPending || items.length === 0}
        onClick={add}
      >
        {addItems.isPending
          ? t('checkout.adding')
          : preview.data
            ? t('checkout.addToOrderTotal', {
                total: format.money(preview.data.totals.totalCents, preview.data.currency),
              })
            : t('checkout.addToOrder')}
      </button>
    </main>
  );
}
