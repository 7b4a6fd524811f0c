import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '../regional.tsx';
import { useState, type FormEvent } from 'react';
import type { MenuItem } from './types.ts';

export interface ItemChoice {
  quantity: number;
  modifierIds: string[];
  modifierNames: string[];
  notes: string;
  unitPriceCents: number;
}

/**
 * Choose modifiers (within each group's min/max), quantity and a note, then add to the cart:
 * the guest's menu and staff order entry use this one sheet, so both follow the same rules.
 */
export function ItemSheet(props: {
  item: MenuItem;
  currency: string;
  /** "Add to cart" for a guest, "Add to order" for staff. */
  addLabel?: string;
  onAdd(choice: ItemChoice): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { item, currency } = props;
  const { chosen, toggle, allIds, picked, unit, missing } = useChoices(item);
  const [quantity, setQuantity] = useState(1);
  const [notes, setNotes] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length > 0) return;
    props.onAdd({
      quantity,
      modifierIds: allIds,
      modifierNames: picked.map((m) => m.name),
      notes: notes.trim(),
      unitPriceCents: unit,
    });
  };

  return (
    <div className="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
      <form className="sheet__body" onSubmit={submit}>
        <header className="sheet__head">
          <h2 id="sheet-title">{item.name}</h2>
          <button type="button" className="link" onClick={props.onClose}>
            {t('item.close')}
          </button>
        </header>
        <p className="muted">{item.description}</p>
        {item.modifierGroups.map((group) => (
          <ChoiceGroup
            key={group.id}
            group={group}
            currency={currency}
            chosen={chosen[group.id] ?? []}
            toggle={(id) => toggle(group.id, group.maxChoices, id)}
          />
        ))}
        <label className="field">
          <span>{t('item.note')}</span>
          <input
            value={notes}
            maxLength={200}
            onChange={(e) => setNotes(e.target.value)}
            placeholder={t('item.notePlaceholder')}
          />
        </label>
        <QuantityStepper quantity={quantity} setQuantity={setQuantity} />
        {missing.length > 0 && (
          <p className="hint">
            {t('item.chooseFirst', { groups: missing.map((g) => g.name).join(', ') })}
          </p>
        )}
        <button className="primary" disabled={missing.length > 0}>
          {t('item.add', {
            label: props.addLabel ?? t('item.addToCart'),
            price: format.money(unit * quantity, currency),
          })}
        </button>
      </form>
    </div>
  );
}

/**
 * The modifiers chosen in each group: one replaces another where a group allows one, and a
 * group at its maximum takes no more. The unit price never goes below zero.
 */
function useChoices(item: MenuItem) {
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const allIds = Object.values(chosen).flat();
  const picked = item.modifierGroups
    .flatMap((g) => g.modifiers)
    .filter((m) => allIds.includes(m.id));
  const unit = Math.max(0, item.priceCents + picked.reduce((s, m) => s + m.priceDeltaCents, 0));
  const missing = item.modifierGroups.filter((g) => (chosen[g.id]?.length ?? 0) < g.minChoices);
  const toggle = (groupId: string, max: number, id: string) =>
    setChosen((c) => {
      const current = c[groupId] ?? [];
      if (max === 1) return { ...c, [groupId]: [id] };
      if (current.includes(id)) return { ...c, [groupId]: current.filter((x) => x !== id) };
      return current.length >= max ? c : { ...c, [groupId]: [...current, id] };
    });
  return { chosen, toggle, allIds, picked, unit, missing };
}

type Group = MenuItem['modifierGroups'][number];

/** One group of choices, with its rule ("choose 2", "up to 3") and each choice's price. */
function ChoiceGroup({
  group,
  currency,
  chosen,
  toggle,
}: {
  group: Group;
  currency: string;
  chosen: string[];
  toggle: (modifierId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <fieldset className="group">
      <legend>
        {group.name}{' '}
        <small>
          {group.minChoices === 0
            ? t('item.upTo', { max: group.maxChoices })
            : group.minChoices === group.maxChoices
              ? t('item.chooseExactly', { count: group.minChoices })
              : t('item.chooseBetween', { min: group.minChoices, max: group.maxChoices })}
        </small>
      </legend>
      {group.modifiers.map((m) => (
        <label key={m.id} className={`choice ${m.isAvailable ? '' : 'is-out'}`}>
          <input
            type={group.maxChoices === 1 ? 'radio' : 'checkbox'}
            name={group.id}
            disabled={!m.isAvailable}
            checked={chosen.includes(m.id)}
            onChange={() => toggle(m.id)}
          />
          <span>{m.name}</span>
          {m.priceDeltaCents !== 0 && (
            <span className="muted">+{format.money(m.priceDeltaCents, currency)}</span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

/** One to 99, in steps a thumb (or a glove) can press. */
function QuantityStepper({
  quantity,
  setQuantity,
}: {
  quantity: number;
  setQuantity: (change: (quantity: number) => number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="qty" role="group" aria-label={t('item.quantity')}>
      <button
        type="button"
        className="round"
        aria-label={t('item.oneLess')}
        onClick={() => setQuantity((q) => Math.max(1, q - 1))}
      >
        −
      </button>
      <output aria-live="polite">{quantity}</output>
      <button
        type="button"
        className="round"
        aria-label={t('item.oneMore')}
        onClick={() => setQuantity((q) => Math.min(99, q + 1))}
      >
        +
      </button>
    </div>
  );
}
