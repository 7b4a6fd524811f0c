import { useTranslation } from '@kds/i18n/react';
import type { ReactNode } from 'react';
import { AllergyFields } from './allergy-fields.tsx';
import type { Menu } from './types.ts';

export type EntryFulfilment =
  | { type: 'pickup' }
  | { type: 'dine_in'; table: string }
  | { type: 'delivery'; address: string; postcode: string };

/**
 * Who the order is for and how it leaves: the fulfilment is controlled (it changes the price
 * and the checks); the guest's name, contacts, notes and allergies are read when it is placed.
 */
export function EntryDetails(props: {
  menu: Menu;
  fulfilment: EntryFulfilment;
  onFulfilment(f: EntryFulfilment): void;
  problem: (path: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const { problem } = props;
  return (
    <>
      <FulfilmentFields
        fulfilment={props.fulfilment}
        set={props.onFulfilment}
        delivery={props.menu.store.deliveryAvailable}
        problem={problem}
      />
      <div className="entry__row">
        <label className="entry__field">
          <span>{t('entry.guestName')}</span>
          <input name="name" required maxLength={80} autoComplete="off" />
          {problem('customer.name')}
        </label>
        <label className="entry__field">
          <span>{t('entry.phone')}</span>
          <input name="phone" type="tel" autoComplete="off" />
          {problem('customer.phone')}
        </label>
        <label className="entry__field">
          <span>{t('entry.email')}</span>
          <input name="email" type="email" autoComplete="off" />
          {problem('customer.email')}
        </label>
      </div>
      <label className="entry__field">
        <span>{t('entry.note')}</span>
        <input name="notes" maxLength={500} autoComplete="off" />
      </label>
      <AllergyFields menu={props.menu} problem={problem} intro={t('entry.askAllergies')} />
    </>
  );
}

/** Pickup, a table or delivery; the table number, or the address and postcode. */
function FulfilmentFields({
  fulfilment: f,
  set,
  delivery,
  problem,
}: {
  fulfilment: EntryFulfilment;
  set(f: EntryFulfilment): void;
  delivery: boolean;
  problem: (path: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const types = [
    { type: 'pickup', label: t('fulfilment.pickup') },
    { type: 'dine_in', label: t('fulfilment.table') },
    ...(delivery ? [{ type: 'delivery', label: t('fulfilment.delivery') }] : []),
  ] as const;
  return (
    <>
      <fieldset className="entry__segmented">
        <legend>{t('entry.how')}</legend>
        {types.map((choice) => (
          <label key={choice.type}>
            <input
              type="radio"
              name="fulfilment"
              checked={f.type === choice.type}
              onChange={() =>
                set(
                  choice.type === 'dine_in'
                    ? { type: 'dine_in', table: '' }
                    : choice.type === 'delivery'
                      ? { type: 'delivery', address: '', postcode: '' }
                      : { type: 'pickup' },
                )
              }
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {f.type === 'dine_in' && (
        <label className="entry__field">
          <span>{t('entry.table')}</span>
          <input
            value={f.table}
            maxLength={20}
            onChange={(e) => set({ ...f, table: e.target.value })}
          />
          {problem('fulfilment.table')}
        </label>
      )}
      {f.type === 'delivery' && (
        <div className="entry__row">
          <label className="entry__field">
            <span>{t('entry.address')}</span>
            <input
              value={f.address}
              maxLength={300}
              onChange={(e) => set({ ...f, address: e.target.value })}
            />
          </label>
          <label className="entry__field">
            <span>{t('entry.postcode')}</span>
            <input
              value={f.postcode}
              maxLength={12}
              onChange={(e) => set({ ...f, postcode: e.target.value })}
            />
            {problem('fulfilment.postcode')}
          </label>
        </div>
      )}
    </>
  );
}
