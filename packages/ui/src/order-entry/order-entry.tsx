import { useTranslation } from '@kds/i18n/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { messageFor } from '../error-message.ts';
import { useFormat } from '../regional.tsx';
import { useTRPC } from '../trpc.ts';
import { allergiesOf } from './allergy-fields.tsx';
import { EntryDetails, type EntryFulfilment } from './entry-details.tsx';
import { EntryLines } from './entry-lines.tsx';
import { ItemSheet } from './item-sheet.tsx';
import { MenuGrid } from './menu-grid.tsx';
import { PlacedNote } from './placed-note.tsx';
import { problemsOf } from './problems.ts';
import { Totals } from './totals.tsx';
import type { Entered, Menu, MenuItem } from './types.ts';
import { useEntryCart, type UseEntryCart } from './use-entry-cart.ts';
import { useEntryPreview } from './use-entry-preview.ts';

/**
 * A phone order or a walk-in, keyed in by staff: the guest's menu, choices, allergies and the
 * server's prices and checks (pacing, delivery area) through the same procedures. Paid at the
 * counter it goes to the kitchen; otherwise a payment link goes to the guest and the order
 * waits for payment, like any online order.
 */
export function OrderEntry({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const menu = useQuery(trpc.menu.forStore.queryOptions({ storeSlug }));
  const [placed, setPlaced] = useState<Entered | null>(null);
  // Each new order is a fresh form: nothing of the last guest's is left in it.
  const [round, setRound] = useState(0);
  if (menu.error) {
    return <p role="alert">{t('entry.menuFailed', { message: messageFor(menu.error, t) })}</p>;
  }
  if (!menu.data) return <p>{t('entry.loadingMenu')}</p>;
  if (placed) {
    const next = () => {
      setPlaced(null);
      setRound((r) => r + 1);
    };
    return <PlacedNote placed={placed} onNext={next} />;
  }
  return <EntryForm key={round} storeSlug={storeSlug} menu={menu.data} onPlaced={setPlaced} />;
}

function EntryForm(props: { storeSlug: string; menu: Menu; onPlaced(placed: Entered): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { storeSlug, menu } = props;
  const trpc = useTRPC();
  const cart = useEntryCart();
  const [fulfilment, setFulfilment] = useState<EntryFulfilment>({ type: 'pickup' });
  const [picking, setPicking] = useState<MenuItem | null>(null);
  const enter = useMutation(trpc.order.enter.mutationOptions({ onSuccess: props.onPlaced }));
  const { items, ready, preview } = useEntryPreview(storeSlug, cart, fulfilment);
  const { byPath, general } = problemsOf(preview?.problems, enter.error, t, format);
  const place = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    const link = submitter?.value === 'link';
    enter.mutate({
      ...detailsOf(form, link),
      items,
      fulfilment,
      idempotencyKey: cart.idempotencyKey,
    });
  };
  const field = (path: string) =>
    byPath[path] && (
      <span className="entry__problem" role="alert">
        {byPath[path]}
      </span>
    );
  const currency = menu.store.currency;
  const total = preview && format.money(preview.totals.totalCents, currency);
  return (
    <div className="entry">
      <MenuGrid menu={menu} onPick={(item) => pickInto(cart, item, setPicking)} />
      <form className="entry__ticket" onSubmit={place} noValidate>
        <h2>{t('entry.order')}</h2>
        {general && (
          <p className="entry__problem" role="alert">
            {general}
          </p>
        )}
        <EntryLines cart={cart} preview={preview} problems={byPath} />
        <Totals preview={preview} />
        <EntryDetails
          menu={menu}
          fulfilment={fulfilment}
          onFulfilment={setFulfilment}
          problem={field}
        />
        <EntryActions
          busy={enter.isPending}
          blocked={enter.isPending || !ready}
          total={total}
          problem={field}
        />
      </form>
      {picking && (
        <ItemSheet
          item={picking}
          currency={currency}
          addLabel={t('item.addToOrder')}
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

/** An item without choices goes on the order in one tap; one with choices opens its sheet. */
function pickInto(cart: UseEntryCart, item: MenuItem, openSheet: (item: MenuItem) => void) {
  if (item.modifierGroups.length > 0) return openSheet(item);
  cart.add({
    menuItemId: item.id,
    name: item.name,
    quantity: 1,
    modifierIds: [],
    modifierNames: [],
    notes: '',
    unitPriceCents: item.priceCents,
  });
}

/** What the form says about the guest, and how they pay (the link's channels if by link). */
function detailsOf(form: FormData, link: boolean) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    notes: text('notes'),
    allergies: allergiesOf(form),
    customer: {
      name: text('name'),
      ...(text('phone') ? { phone: text('phone') } : {}),
      ...(text('email') ? { email: text('email') } : {}),
    },
    payment: link ? ('link' as const) : ('counter' as const),
    sendLinkBy: {
      sms: link && form.get('bySms') === 'on',
      email: link && form.get('byEmail') === 'on',
    },
  };
}

/** Paid at the counter, or a payment link by text and/or email: two submit buttons. */
function EntryActions(props: {
  busy: boolean;
  blocked: boolean;
  total: string | undefined;
  problem: (path: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { blocked, problem } = props;
  return (
    <div className="entry__actions">
      <button className="entry__primary" name="payment" value="counter" disabled={blocked}>
        {props.busy
          ? t('entry.placing')
          : props.total
            ? t('entry.paidAtCounterTotal', { total: props.total })
            : t('entry.paidAtCounter')}
      </button>
      <fieldset className="entry__link-choice">
        <legend>{t('entry.orLink')}</legend>
        <label>
          <input type="checkbox" name="bySms" defaultChecked /> {t('entry.textIt')}
        </label>
        <label>
          <input type="checkbox" name="byEmail" /> {t('entry.emailIt')}
        </label>
        {problem('sendLinkBy.sms')}
        {problem('sendLinkBy.email')}
        {problem('payment')}
        <button className="entry__secondary" name="payment" value="link" disabled={blocked}>
          {t('entry.sendLink')}
        </button>
      </fieldset>
    </div>
  );
}
