import { isLanguage } from '@kds/i18n';
import { useTranslation } from '@kds/i18n/react';
import { AllergyFields, problemsOf, Totals, useDebounced, useFormat, useTRPC } from '@kds/ui';
import { percentOf } from '@kds/api/client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { navigate, queryParam } from '../shared/route.ts';
import { useCart } from './cart.ts';
import { CartLines } from './cart-lines.tsx';
import { AddToOrderCheckout } from './add-to-order.tsx';
import { CustomerFields } from './customer-fields.tsx';
import { FulfilmentChoice, type Fulfilment } from './fulfilment-choice.tsx';
import { usePlaceOrder } from './use-place-order.ts';
import { useLiveMenu } from '../menu/use-live-menu.ts';
import { DiscountField, PaymentChoice, TipChoice } from './payment-fields.tsx';
import { WhenField } from './when-field.tsx';
import { GuestRegion } from '../shared/guest-language.tsx';
import type { Menu } from '../shared/types.ts';

export function CheckoutPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  const addTo = queryParam('addTo');
  const menu = useLiveMenu(storeSlug);
  if (menu.error) return <p className="page">{t('storeNotFound')}</p>;
  if (!menu.data) return <p className="page">{t('menu.loading')}</p>;
  return (
    <GuestRegion store={menu.data.store}>
      {addTo ? (
        <AddToOrderCheckout storeSlug={storeSlug} token={addTo} />
      ) : (
        <NewOrderCheckout storeSlug={storeSlug} menu={menu.data} />
      )}
    </GuestRegion>
  );
}

function NewOrderCheckout({ storeSlug, menu }: { storeSlug: string; menu: Menu }) {
  const { t, i18n } = useTranslation('guest');
  const { t: tc } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const cart = useCart(storeSlug);
  const table = queryParam('table');
  const [fulfilment, setFulfilment] = useState<Fulfilment>(
    table ? { type: 'dine_in', table } : { type: 'pickup' },
  );
  const [tipPercent, setTipPercent] = useState(0);
  const [appliedCode, setAppliedCode] = useState<string | undefined>();
  const [fireAt, setFireAt] = useState<string>('');
  const [payment, setPayment] = useState<'counter' | 'online'>('counter');

  const items = cart.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  // A delivery is priced (and its postcode checked) once both parts are filled in.
  const incomplete =
    fulfilment.type === 'delivery' && (!fulfilment.address || !fulfilment.postcode);
  // Priced with the address once the guest stops typing: the geocoder is asked once, not per key.
  const checked = useDebounced(fulfilment, fulfilment.type === 'delivery' ? 600 : 0);
  const base = {
    storeSlug,
    items,
    fulfilment: checked,
    discountCode: appliedCode,
    // Empty: as soon as possible.
    fireAt: fireAt || undefined,
  };
  const untipped = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents: 0 },
      { enabled: items.length > 0 && !incomplete, placeholderData: keepPreviousData },
    ),
  );
  // A percentage of the subtotal, in the currency's steps (tens of fils in dinars).
  const tipCents = untipped.data
    ? percentOf(untipped.data.totals.subtotalCents, tipPercent * 100, untipped.data.currency)
    : 0;
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents },
      { enabled: items.length > 0 && !incomplete, placeholderData: keepPreviousData },
    ),
  );
  const store = menu.store;
  const mode = store.paymentMode;
  const method = mode === 'both' ? payment : mode;
  const {
    place,
    placing,
    error: placeError,
  } = usePlaceOrder(storeSlug, {
    ...base,
    fulfilment,
    tipCents,
    payment: method,
    language: isLanguage(i18n.language) ? i18n.language : undefined,
    idempotencyKey: cart.idempotencyKey,
  });
  const { byPath, general } = problemsOf(preview.data?.problems, placeError, tc, format);

  if (items.length === 0) {
    return (
      <main className="page">
        <h1>{t('checkout.emptyCart')}</h1>
        <button type="button" className="primary" onClick={() => navigate(`/order/${storeSlug}`)}>
          {t('checkout.backToMenu')}
        </button>
      </main>
    );
  }

  const field = (path: string) =>
    byPath[path] && (
      <span className="problem" role="alert">
        {byPath[path]}
      </span>
    );
  return (
    <main className="page page--checkout">
      <button type="button" className="link" onClick={() => navigate(`/order/${storeSlug}`)}>
        {t('checkout.menu')}
      </button>
      <h1>{t('checkout.title')}</h1>
      {general && (
        <p className="problem problem--general" role="alert">
          {general}
        </p>
      )}
      <CartLines storeSlug={storeSlug} cart={cart} preview={preview.data} problems={byPath} />
      <form onSubmit={place} className="form" noValidate>
        <FulfilmentChoice
          table={table}
          deliveryAvailable={store.deliveryAvailable}
          value={fulfilment}
          onChange={setFulfilment}
          problem={field}
        />
        <WhenField
          storeSlug={storeSlug}
          ordering={store.ordering}
          fulfilment={fulfilment.type}
          problems={preview.data?.problems}
          value={fireAt}
          onChange={setFireAt}
          problem={field}
        />
        <CustomerFields problem={field} />
        <AllergyFields menu={menu} problem={field} />
        <TipChoice presets={store.tipPresetsPercent} value={tipPercent} onChange={setTipPercent} />
        <DiscountField onApply={setAppliedCode} problem={field('discountCode')} />
        {mode === 'both' && <PaymentChoice value={payment} onChange={setPayment} />}
        <Totals preview={preview.data} />
        <button
          className="primary"
          disabled={placing || incomplete || (preview.data?.problems.length ?? 0) > 0}
        >
          {placing
            ? t('checkout.placing')
            : preview.data
              ? t('checkout.placeTotal', {
                  total: format.money(preview.data.totals.totalCents, preview.data.currency),
                })
              : t('checkout.place')}
        </button>
      </form>
    </main>
  );
}
