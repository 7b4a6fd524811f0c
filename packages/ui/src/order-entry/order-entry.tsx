import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '../format.ts';
import { useTRPC } from '../trpc.ts';
import { allergiesOf } from './allergy-fields.tsx';
import { EntryDetails, type EntryFulfilment } from './entry-details.tsx';
import { EntryLines } from './entry-lines.tsx';
import { ItemSheet } from './item-sheet.tsx';
import { MenuGrid } from './menu-grid.tsx';
import { PlacedNote } from './placed-note.tsx';
import { problemsOf } from './problems.ts';
import { Totals } from './totals.tsx';
import type { Entered, MenuItem } from './types.ts';
import { useEntryCart } from './use-entry-cart.ts';

/**
 * A phone order or a walk-in, keyed in by staff: the guest's menu, choices, allergies and the
 * server's prices and checks (pacing, delivery area) through the same procedures. Paid at the
 * counter it goes to the kitchen; otherwise a payment link goes to the guest and the order
 * waits for payment, like any online order.
 */
export function OrderEntry({ storeSlug }: { storeSlug: string }) {
  const trpc = useTRPC();
  const menu = useQuery(trpc.menu.forStore.queryOptions({ storeSlug }));
  const cart = useEntryCart();
  const [fulfilment, setFulfilment] = useState<EntryFulfilment>({ type: 'pickup' });
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const [placed, setPlaced] = useState<Entered | null>(null);
  const [formKey, setFormKey] = useState(0);
  const enter = useMutation(trpc.order.enter.mutationOptions({ onSuccess: setPlaced }));

  const items = cart.lines.map(({ menuItemId, quantity, modifierIds, notes }) => ({
    menuItemId,
    quantity,
    modifierIds,
    notes,
  }));
  const incomplete =
    (fulfilment.type === 'delivery' && (!fulfilment.address || !fulfilment.postcode)) ||
    (fulfilment.type === 'dine_in' && !fulfilment.table.trim());
  const preview = useQuery(
    trpc.order.preview.queryOptions(
      { storeSlug, items, fulfilment },
      { enabled: items.length > 0 && !incomplete, placeholderData: keepPreviousData },
    ),
  );
  const { byPath, general } = problemsOf(preview.data?.problems, enter.error);

  if (menu.error) return <p role="alert">The menu could not be loaded: {menu.error.message}</p>;
  if (!menu.data) return <p>Loading the menu…</p>;
  if (placed) {
    const next = () => {
      cart.clear();
      setFulfilment({ type: 'pickup' });
      setPlaced(null);
      enter.reset();
      setFormKey((k) => k + 1);
    };
    return <PlacedNote placed={placed} onNext={next} />;
  }

  const currency = menu.data.store.currency;
  const pick = (item: MenuItem) => {
    if (item.modifierGroups.length > 0) return setPicking(item);
    cart.add({
      menuItemId: item.id,
      name: item.name,
      quantity: 1,
      modifierIds: [],
      modifierNames: [],
      notes: '',
      unitPriceCents: item.priceCents,
    });
  };
  const place = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const link = submitter?.value === 'link';
    enter.mutate({
      items,
      fulfilment,
      notes: text('notes'),
      allergies: allergiesOf(form),
      customer: {
        name: text('name'),
        ...(text('phone') ? { phone: text('phone') } : {}),
        ...(text('email') ? { email: text('email') } : {}),
      },
      payment: link ? 'link' : 'counter',
      sendLinkBy: {
        sms: link && form.get('bySms') === 'on',
        email: link && form.get('byEmail') === 'on',
      },
      idempotencyKey: cart.idempotencyKey,
    });
  };
  const field = (path: string) =>
    byPath[path] && (
      <span className="entry__problem" role="alert">
        {byPath[path]}
      </span>
    );
  const blocked = enter.isPending || incomplete || items.length === 0;
  const total = preview.data && ` · ${formatMoney(preview.data.totals.totalCents, currency)}`;
  return (
    <div className="entry">
      <MenuGrid menu={menu.data} onPick={pick} />
      <form key={formKey} className="entry__ticket" onSubmit={place} noValidate>
        <h2>Order</h2>
        {general && (
          <p className="entry__problem" role="alert">
            {general}
          </p>
        )}
        <EntryLines cart={cart} preview={preview.data} problems={byPath} />
        <Totals preview={preview.data} />
        <EntryDetails
          menu={menu.data}
          fulfilment={fulfilment}
          onFulfilment={setFulfilment}
          problem={field}
        />
        <div className="entry__actions">
          <button className="entry__primary" name="payment" value="counter" disabled={blocked}>
            {enter.isPending ? 'Placing…' : `Paid at the counter${total ?? ''}`}
          </button>
          <fieldset className="entry__link-choice">
            <legend>Or send a payment link</legend>
            <label>
              <input type="checkbox" name="bySms" defaultChecked /> Text it
            </label>
            <label>
              <input type="checkbox" name="byEmail" /> Email it
            </label>
            {field('sendLinkBy.sms')}
            {field('sendLinkBy.email')}
            {field('payment')}
            <button className="entry__secondary" name="payment" value="link" disabled={blocked}>
              Send payment link
            </button>
          </fieldset>
        </div>
      </form>
      {picking && (
        <ItemSheet
          item={picking}
          currency={currency}
          addLabel="Add to order"
          onClose={() => setPicking(null)}
          onAdd={(choice) => {
            cart.add({ ...choice, menuItemId: picking.id, name: picking.name });
            setPicking(null);
          }}
        />
      )}
    </div>
  );
}
