import { useTranslation } from '@kds/i18n/react';
import { commaList } from '../shared/comma-list.ts';
import { Field, NamedSelect } from '../shared/field.tsx';
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
        <Field
          label={t('item.name')}
          value={item.name}
          required
          maxLength={80}
          onChange={(e) => set({ name: e.target.value })}
        />
        <NamedSelect
          label={t('item.category')}
          value={item.categoryId}
          options={categories}
          onChange={(categoryId) => set({ categoryId })}
        />
        <NamedSelect
          label={t('item.station')}
          value={item.stationId}
          options={stations}
          onChange={(stationId) => set({ stationId })}
        />
        <Field
          label={t('item.price')}
          inputMode="decimal"
          defaultValue={amount(item.priceCents)}
          onChange={(e) => set({ priceCents: cents(e.target.value) })}
        />
        <Field
          label={t('item.cost')}
          inputMode="decimal"
          defaultValue={amount(item.costCents)}
          onChange={(e) => set({ costCents: cents(e.target.value) })}
        />
        <Field
          label={t('item.prep')}
          inputMode="numeric"
          defaultValue={String(Math.round((item.prepSeconds ?? 600) / 60))}
          onChange={(e) => set({ prepSeconds: Number(e.target.value || '0') * 60 })}
        />
        <Field
          label={t('item.allergens')}
          defaultValue={(item.allergens ?? []).join(', ')}
          onChange={(e) => set({ allergens: commaList(e.target.value) })}
        />
        <Field
          label={t('item.image')}
          type="url"
          value={item.imageUrl ?? ''}
          onChange={(e) => set({ imageUrl: e.target.value || null })}
        />
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
