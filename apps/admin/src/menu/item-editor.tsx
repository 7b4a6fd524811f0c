import { useTranslation } from '@kds/i18n/react';
import { parseMoney, toDecimalString } from '@kds/api/client';
import { useState } from 'react';
import type { Inputs } from '../shared/types.ts';
import { ChoiceGroups } from './choice-groups.tsx';
import { commaList } from '../shared/comma-list.ts';

export type ItemDraft = Inputs['menu']['saveItem'];
export type Group = NonNullable<ItemDraft['modifierGroups']>[number];

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
        <div className="form-grid">
          <label className="field">
            <span>{t('item.name')}</span>
            <input
              value={item.name}
              required
              maxLength={80}
              onChange={(e) => set({ name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('item.category')}</span>
            <select value={item.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('item.station')}</span>
            <select value={item.stationId} onChange={(e) => set({ stationId: e.target.value })}>
              {stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('item.price')}</span>
            <input
              inputMode="decimal"
              defaultValue={amount(item.priceCents)}
              onChange={(e) => set({ priceCents: cents(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>{t('item.cost')}</span>
            <input
              inputMode="decimal"
              defaultValue={amount(item.costCents)}
              onChange={(e) => set({ costCents: cents(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>{t('item.prep')}</span>
            <input
              inputMode="numeric"
              defaultValue={String(Math.round((item.prepSeconds ?? 600) / 60))}
              onChange={(e) => set({ prepSeconds: Number(e.target.value || '0') * 60 })}
            />
          </label>
          <label className="field">
            <span>{t('item.allergens')}</span>
            <input
              defaultValue={(item.allergens ?? []).join(', ')}
              onChange={(e) => set({ allergens: commaList(e.target.value) })}
            />
          </label>
          <label className="field">
            <span>{t('item.image')}</span>
            <input
              type="url"
              value={item.imageUrl ?? ''}
              onChange={(e) => set({ imageUrl: e.target.value || null })}
            />
          </label>
        </div>
        <label className="field">
          <span>{t('item.description')}</span>
          <textarea
            rows={2}
            value={item.description ?? ''}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>

        <h3>{t('item.choices')}</h3>
        <ChoiceGroups groups={groups} setGroup={setGroup} set={set} money={{ cents, amount }} />
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() =>
              set({
                modifierGroups: [
                  ...groups,
                  {
                    name: '',
                    minChoices: 0,
                    maxChoices: 1,
                    modifiers: [{ name: '', priceDeltaCents: 0, kitchenLabel: '' }],
                  },
                ],
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
