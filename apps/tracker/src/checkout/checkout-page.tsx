import { formatClock, formatMoney, useTRPC, useTRPCClient } from '@kds/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate, queryParam } from '../shared/route.ts';
import { cartActions, useCart } from './cart.ts';
import { CartLines, Totals } from './cart-lines.tsx';
import { problemsOf } from './problems.ts';

export function CheckoutPage({ storeSlug }: { storeSlug: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const cart = useCart(storeSlug);
  const table = queryParam('table');
  const [eatHere, setEatHere] = useState(Boolean(table));
  const [tipPercent, setTipPercent] = useState(0);
  const [code, setCode] = useState('');
  const [appliedCode, setAppliedCode] = useState<string | undefined>();
  const [fireAt, setFireAt] = useState<string>('');
  const [payment, setPayment] = useState<'counter' | 'online'>('counter');
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<unknown>(null);

  const menu = useQuery(trpc.menu.forStore.queryOptions({ storeSlug }));
  const slots = useQuery(trpc.order.pickupSlots.queryOptions({ storeSlug }));
  const items = cart.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  const fulfilment =
    eatHere && table ? { type: 'dine_in' as const, table } : { type: 'pickup' as const };
  const base = {
    storeSlug,
    items,
    fulfilment,
    ...(appliedCode ? { discountCode: appliedCode } : {}),
    ...(fireAt ? { fireAt } : {}),
  };
  const untipped = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents: 0 },
      { enabled: items.length > 0, placeholderData: keepPreviousData },
    ),
  );
  const tipCents = Math.round(((untipped.data?.totals.subtotalCents ?? 0) * tipPercent) / 100);
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { ...base, tipCents },
      { enabled: items.length > 0, placeholderData: keepPreviousData },
    ),
  );
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
  const store = menu.data?.store;
  const mode = store?.paymentMode ?? 'counter';
  const method = mode === 'both' ? payment : mode;

  const place = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setPlacing(true);
    setPlaceError(null);
    try {
      const placed = await client.order.place.mutate({
        ...base,
        tipCents,
        notes: text('notes'),
        payment: method,
        idempotencyKey: cart.idempotencyKey,
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
      if (placed.checkoutUrl) location.assign(placed.checkoutUrl);
      else navigate(`/track/${placed.trackingToken}`);
    } catch (error) {
      setPlaceError(error);
    } finally {
      setPlacing(false);
    }
  };

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
        {table && (
          <fieldset className="segmented">
            <legend>Where will you eat?</legend>
            <label>
              <input
                type="radio"
                name="where"
                checked={eatHere}
                onChange={() => setEatHere(true)}
              />{' '}
              Here, table {table}
            </label>
            <label>
              <input
                type="radio"
                name="where"
                checked={!eatHere}
                onChange={() => setEatHere(false)}
              />{' '}
              Take away
            </label>
          </fieldset>
        )}
        <label className="field">
          <span>When</span>
          <select value={fireAt} onChange={(e) => setFireAt(e.target.value)}>
            <option value="">As soon as possible</option>
            {slots.data?.slots.map((s) => (
              <option key={s.at} value={s.at} disabled={s.remaining === 0}>
                {formatClock(s.at, slots.data.timezone)}
                {s.remaining === 0 ? ' (full)' : ''}
              </option>
            ))}
          </select>
          {field('fireAt')}
        </label>
        <label className="field">
          <span>Name</span>
          <input name="name" autoComplete="name" required maxLength={80} />
          {field('customer.name')}
        </label>
        <label className="field">
          <span>Mobile (for a text when it is ready)</span>
          <input name="phone" type="tel" autoComplete="tel" placeholder="+15551234567" />
          {field('customer.phone')}
        </label>
        <label className="check">
          <input type="checkbox" name="sms" /> Text me when my order is ready
        </label>
        <label className="check">
          <input type="checkbox" name="call" /> Call me when my order is ready
        </label>
        <label className="field">
          <span>Email (for the receipt)</span>
          <input name="email" type="email" autoComplete="email" />
          {field('customer.email')}
        </label>
        <label className="check">
          <input type="checkbox" name="emailConsent" /> Email me the receipt
        </label>
        <label className="field">
          <span>Notes for the order</span>
          <textarea name="notes" maxLength={500} rows={2} />
          {field('notes')}
        </label>
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
        <button className="primary" disabled={placing || (preview.data?.problems.length ?? 0) > 0}>
          {placing
            ? 'Placing…'
            : `Place order${preview.data ? ` · ${formatMoney(preview.data.totals.totalCents, preview.data.currency)}` : ''}`}
        </button>
      </form>
    </main>
  );
}
