import { AllergyFields, formatMoney, problemsOf, Totals, useDebounced, useTRPC } from '@kds/ui';
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
import { WhenField } from './when-field.tsx';

export function CheckoutPage({ storeSlug }: { storeSlug: string }) {
  const addTo = queryParam('addTo');
  return addTo ? (
    <AddToOrderCheckout storeSlug={storeSlug} token={addTo} />
  ) : (
    <NewOrderCheckout storeSlug={storeSlug} />
  );
}

function NewOrderCheckout({ storeSlug }: { storeSlug: string }) {
  const trpc = useTRPC();
  const cart = useCart(storeSlug);
  const table = queryParam('table');
  const [fulfilment, setFulfilment] = useState<Fulfilment>(
    table ? { type: 'dine_in', table } : { type: 'pickup' },
  );
  const [tipPercent, setTipPercent] = useState(0);
  const [code, setCode] = useState('');
  const [appliedCode, setAppliedCode] = useState<string | undefined>();
  const [fireAt, setFireAt] = useState<string>('');
  const [payment, setPayment] = useState<'counter' | 'online'>('counter');

  const menu = useLiveMenu(storeSlug);
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
    ...(appliedCode ? { discountCode: appliedCode } : {}),
    ...(fireAt ? { fireAt } : {}),
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
  const store = menu.data?.store;
  const mode = store?.paymentMode ?? 'counter';
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
    idempotencyKey: cart.idempotencyKey,
  });
  const { byPath, general } = problemsOf(preview.data?.problems, placeError);

  if (items.length === 0) {
    return (
      <main className="page">
        <h1>Your cart is empty</h1>
        <button type="button" className="primary" onClick={() => navigate(`/order/${storeSlug}`)}>
          Back to the menu
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
        ← Menu
      </button>
      <h1>Checkout</h1>
      {general && (
        <p className="problem problem--general" role="alert">
          {general}
        </p>
      )}
      <CartLines storeSlug={storeSlug} cart={cart} preview={preview.data} problems={byPath} />
      <form onSubmit={place} className="form" noValidate>
        <FulfilmentChoice
          table={table}
          deliveryAvailable={store?.deliveryAvailable ?? false}
          value={fulfilment}
          onChange={setFulfilment}
          problem={field}
        />
        <WhenField
          storeSlug={storeSlug}
          ordering={store?.ordering}
          fulfilment={fulfilment.type}
          problems={preview.data?.problems}
          value={fireAt}
          onChange={setFireAt}
          problem={field}
        />
        <CustomerFields problem={field} />
        <AllergyFields menu={menu.data} problem={field} />
        <fieldset className="segmented">
          <legend>Tip</legend>
          {[0, ...(store?.tipPresetsPercent ?? [])].map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="tip"
                checked={tipPercent === p}
                onChange={() => setTipPercent(p)}
              />{' '}
              {p === 0 ? 'No tip' : `${p}%`}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="code">Discount code</label>
          <div className="inline">
            <input
              id="code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={40}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => setAppliedCode(code.trim() || undefined)}
            >
              Apply
            </button>
          </div>
          {field('discountCode')}
        </div>
        {mode === 'both' && (
          <fieldset className="segmented">
            <legend>Payment</legend>
            <label>
              <input
                type="radio"
                name="payment"
                checked={payment === 'counter'}
                onChange={() => setPayment('counter')}
              />{' '}
              At the counter
            </label>
            <label>
              <input
                type="radio"
                name="payment"
                checked={payment === 'online'}
                onChange={() => setPayment('online')}
              />{' '}
              Online
            </label>
          </fieldset>
        )}
        <Totals preview={preview.data} />
        <button
          className="primary"
          disabled={placing || incomplete || (preview.data?.problems.length ?? 0) > 0}
        >
          {placing
            ? 'Placing…'
            : `Place order${preview.data ? ` · ${formatMoney(preview.data.totals.totalCents, preview.data.currency)}` : ''}`}
        </button>
      </form>
    </main>
  );
}
