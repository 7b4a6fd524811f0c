import { isLanguage } from '@kds/i18n';
import { useTranslation } from '@kds/i18n/react';
import { AllergyFields, problemsOf, Totals, useFormat } from '@kds/ui';
import { useState } from 'react';
import { navigate, queryParam } from '../shared/route.ts';
import { useCart } from './cart.ts';
import { CartLines } from './cart-lines.tsx';
import { CheckoutHead } from './checkout-head.tsx';
import { AddToOrderCheckout } from './add-to-order.tsx';
import { CustomerFields } from './customer-fields.tsx';
import { FulfilmentChoice, type Fulfilment } from './fulfilment-choice.tsx';
import { usePlaceOrder } from './use-place-order.ts';
import { useCheckoutPreview, type Preview } from './use-checkout-preview.ts';
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
  const cart = useCart(storeSlug);
  const table = queryParam('table');
  const [fulfilment, setFulfilment] = useState<Fulfilment>(
    table ? { type: 'dine_in', table } : { type: 'pickup' },
  );
  const [tipPercent, setTipPercent] = useState(0);
  const [appliedCode, setAppliedCode] = useState<string | undefined>();
  const [fireAt, setFireAt] = useState<string>('');
  const [payment, setPayment] = useState<'counter' | 'online'>('counter');

  const { items, base, incomplete, tipCents, preview } = useCheckoutPreview({
    storeSlug,
    lines: cart.lines,
    fulfilment,
    discountCode: appliedCode,
    fireAt,
    tipPercent,
  });
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

  if (items.length === 0) return <EmptyCart storeSlug={storeSlug} />;

  const field = (path: string) =>
    byPath[path] && (
      <span className="problem" role="alert">
        {byPath[path]}
      </span>
    );
  return (
    <main className="page page--checkout">
      <CheckoutHead storeSlug={storeSlug} title={t('checkout.title')} general={general} />
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
        <PlaceButton placing={placing} incomplete={incomplete} preview={preview.data} />
      </form>
    </main>
  );
}

function EmptyCart({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  return (
    <main className="page">
      <h1>{t('checkout.emptyCart')}</h1>
      <button type="button" className="primary" onClick={() => navigate(`/order/${storeSlug}`)}>
        {t('checkout.backToMenu')}
      </button>
    </main>
  );
}

/** "Place order · $24.10", or why it cannot be pressed yet. */
function PlaceButton({
  placing,
  incomplete,
  preview,
}: {
  placing: boolean;
  incomplete: boolean;
  preview: Preview | undefined;
}) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  return (
    <button
      className="primary"
      disabled={placing || incomplete || (preview?.problems.length ?? 0) > 0}
    >
      {placing
        ? t('checkout.placing')
        : preview
          ? t('checkout.placeTotal', {
              total: format.money(preview.totals.totalCents, preview.currency),
            })
          : t('checkout.place')}
    </button>
  );
}
