import { useTranslation } from '@kds/i18n/react';
import type { Group, ItemDraft } from './item-editor.tsx';

/**
 * An item's groups of choices ("Cooking": rare, medium, well done), each with its limits and
 * the words its choices print on the ticket.
 */
export function ChoiceGroups({
  groups,
  setGroup,
  set,
  money,
}: {
  groups: Group[];
  setGroup: (index: number, change: Partial<Group>) => void;
  set: (change: Partial<ItemDraft>) => void;
  /** Typed amounts in the store's currency, and back. */
  money: { cents: (text: string) => number; amount: (value: number | undefined) => string };
}) {
  const { t } = useTranslation('admin');
  const { cents, amount } = money;
  return (
    <>
      {groups.map((group, gi) => (
        <fieldset key={gi} className="fieldset">
          <legend>{t('item.group', { number: gi + 1 })}</legend>
          <div className="form-grid">
            <label className="field">
              <span>{t('item.groupName')}</span>
              <input
                value={group.name}
                required
                onChange={(e) => setGroup(gi, { name: e.target.value })}
              />
            </label>
            <label className="field">
              <span>{t('item.atLeast')}</span>
              <input
                inputMode="numeric"
                value={String(group.minChoices)}
                onChange={(e) => setGroup(gi, { minChoices: Number(e.target.value || '0') })}
              />
            </label>
            <label className="field">
              <span>{t('item.atMost')}</span>
              <input
                inputMode="numeric"
                value={String(group.maxChoices)}
                onChange={(e) => setGroup(gi, { maxChoices: Number(e.target.value || '0') })}
              />
            </label>
          </div>
          {group.modifiers.map((choice, ci) => {
            const setChoice = (change: Partial<typeof choice>) =>
              setGroup(gi, {
                modifiers: group.modifiers.map((m, i) => (i === ci ? { ...m, ...change } : m)),
              });
            return (
              <div key={ci} className="choice-row">
                <label className="field">
                  <span>{t('item.choice')}</span>
                  <input
                    value={choice.name}
                    required
                    onChange={(e) => setChoice({ name: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span>{t('item.ticketLabel')}</span>
                  <input
                    value={choice.kitchenLabel ?? ''}
                    placeholder={t('item.ticketLabelHint')}
                    onChange={(e) => setChoice({ kitchenLabel: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span>{t('item.priceChange')}</span>
                  <input
                    inputMode="decimal"
                    defaultValue={amount(choice.priceDeltaCents)}
                    onChange={(e) => setChoice({ priceDeltaCents: cents(e.target.value) })}
                  />
                </label>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() =>
                    setGroup(gi, { modifiers: group.modifiers.filter((_, i) => i !== ci) })
                  }
                >
                  {t('item.removeChoice')}
                </button>
              </div>
            );
          })}
          <div className="actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                setGroup(gi, {
                  modifiers: [
                    ...group.modifiers,
                    { name: '', priceDeltaCents: 0, kitchenLabel: '' },
                  ],
                })
              }
            >
              {t('item.addChoice')}
            </button>
            <button
              type="button"
              className="btn btn--small btn--danger"
              onClick={() => set({ modifierGroups: groups.filter((_, i) => i !== gi) })}
            >
              {t('item.removeGroup')}
            </button>
          </div>
        </fieldset>
      ))}
    </>
  );
}
