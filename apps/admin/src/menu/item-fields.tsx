import { useTranslation } from '@kds/i18n/react';
import { commaList } from '../shared/comma-list.ts';
import type { ItemDraft, MoneyText } from './item-editor.tsx';

/** An item's own fields: name, where it is listed and cooked, price and cost, and the rest. */
export function ItemFields({
  item,
  set,
  categories,
  stations,
  money: { cents, amount },
}: {
  item: ItemDraft;
  set: (change: Partial<ItemDraft>) => void;
  categories: { id: string; name: string }[];
  stations: { id: string; name: string }[];
  money: MoneyText;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
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
    </>
  );
}
