import { useTranslation } from '@kds/i18n/react';
import { parseMoney, toDecimalString } from '@kds/api/client';
import { useState } from 'react';
import type { Inputs } from '../shared/types.ts';
import { ChoiceGroups } from './choice-groups.tsx';
import { ItemFields } from './item-fields.tsx';

export type ItemDraft = Inputs['menu']['saveItem'];
export type Group = NonNullable<ItemDraft['modifierGroups']>[number];
/** Typed in the store's units ("18.40", "1840" yen), shown back the same way. */
export interface MoneyText {
  cents: (text: string) => number;
  amount: (value: number | undefined) => string;
}

const NEW_GROUP: Group = {
  name: '',
  minChoices: 0,
  maxChoices: 1,
  modifiers: [{ name: '', priceDeltaCents: 0, kitchenLabel: '' }],
};

/** One item with its groups of choices; saved as a whole. */
export function ItemEditor({
  draft,
  categories,
  stations,
  currency,
  onSave,
  onCancel,
}: {
  draft: ItemDraft;
  categories: { id: string; name: string }[];
  stations: { id: string; name: string }[];
  /** The store's: prices are typed in its units ("18.40", "1840" yen). */
  currency: string;
  onSave: (draft: ItemDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [item, setItem] = useState(draft);
  // What is not an amount goes to the server as NaN, which refuses it with a reason.
  const cents = (text: string) => (text.trim() ? (parseMoney(text, currency) ?? NaN) : 0);
  const amount = (value: number | undefined) => toDecimalString(value ?? 0, currency);
  const [busy, setBusy] = useState(false);
  const groups = item.modifierGroups ?? [];
  const set = (change: Partial<ItemDraft>) => setItem({ ...item, ...change });
  const setGroup = (index: number, change: Partial<Group>) =>
    set({ modifierGroups: groups.map((g, i) => (i === index ? { ...g, ...change } : g)) });

  return (
    <section
      className="card editor"
      aria-label={item.id ? t('item.edit', { name: draft.name }) : t('item.new')}
    >
      <h2>{item.id ? t('item.edit', { name: draft.name }) : t('item.new')}</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          await onSave(item);
          setBusy(false);
        }}
      >
        <ItemFields
          item={item}
          set={set}
          categories={categories}
          stations={stations}
          money={{ cents, amount }}
        />

        <h3>{t('item.choices')}</h3>
        <ChoiceGroups groups={groups} setGroup={setGroup} set={set} money={{ cents, amount }} />
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() =>
              set({
                modifierGroups: [...groups, NEW_GROUP],
              })
            }
          >
            {t('item.addGroup')}
          </button>
          <span className="grow" />
          <button type="button" className="btn" onClick={onCancel}>
            {t('item.cancel')}
          </button>
          <button className="btn btn--primary" disabled={busy}>
            {t('item.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
