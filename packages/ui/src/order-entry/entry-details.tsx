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
  const { fulfilment: f, onFulfilment: set, problem } = props;
  const types = [
    { type: 'pickup', label: 'Pickup' },
    { type: 'dine_in', label: 'Table' },
    ...(props.menu.store.deliveryAvailable ? [{ type: 'delivery', label: 'Delivery' }] : []),
  ] as const;
  return (
    <>
      <fieldset className="entry__segmented">
        <legend>How</legend>
        {types.map((t) => (
          <label key={t.type}>
            <input
              type="radio"
              name="fulfilment"
              checked={f.type === t.type}
              onChange={() =>
                set(
                  t.type === 'dine_in'
                    ? { type: 'dine_in', table: '' }
                    : t.type === 'delivery'
                      ? { type: 'delivery', address: '', postcode: '' }
                      : { type: 'pickup' },
                )
              }
            />
            {t.label}
          </label>
        ))}
      </fieldset>
      {f.type === 'dine_in' && (
        <label className="entry__field">
          <span>Table</span>
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
            <span>Address</span>
            <input
              value={f.address}
              maxLength={300}
              onChange={(e) => set({ ...f, address: e.target.value })}
            />
          </label>
          <label className="entry__field">
            <span>Postcode</span>
            <input
              value={f.postcode}
              maxLength={12}
              onChange={(e) => set({ ...f, postcode: e.target.value })}
            />
            {problem('fulfilment.postcode')}
          </label>
        </div>
      )}
      <div className="entry__row">
        <label className="entry__field">
          <span>Guest's name</span>
          <input name="name" required maxLength={80} autoComplete="off" />
          {problem('customer.name')}
        </label>
        <label className="entry__field">
          <span>Phone</span>
          <input name="phone" type="tel" placeholder="+15551234567" autoComplete="off" />
          {problem('customer.phone')}
        </label>
        <label className="entry__field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="off" />
          {problem('customer.email')}
        </label>
      </div>
      <label className="entry__field">
        <span>Note for the kitchen</span>
        <input name="notes" maxLength={500} autoComplete="off" />
      </label>
      <AllergyFields menu={props.menu} problem={problem} intro="Ask: any allergies in the party?" />
    </>
  );
}
