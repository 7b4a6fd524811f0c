import { useTranslation } from '@kds/i18n/react';
import type { Group, ItemDraft, MoneyText } from './item-editor.tsx';

type Choice = Group['modifiers'][number];

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
  money: MoneyText;
}) {
  return (
    <>
      {groups.map((group, gi) => (
        <ChoiceGroup
          key={gi}
          number={gi + 1}
          group={group}
          change={(change) => setGroup(gi, change)}
          remove={() => set({ modifierGroups: groups.filter((_, i) => i !== gi) })}
          money={money}
        />
      ))}
    </>
  );
}

function ChoiceGroup({
  number,
  group,
  change,
  remove,
  money,
}: {
  number: number;
  group: Group;
  change: (change: Partial<Group>) => void;
  remove: () => void;
  money: MoneyText;
}) {
  const { t } = useTranslation('admin');
  const setChoices = (modifiers: Choice[]) => change({ modifiers });
  return (
    <fieldset className="fieldset">
      <legend>{t('item.group', { number })}</legend>
      <div className="form-grid">
        <label className="field">
          <span>{t('item.groupName')}</span>
          <input value={group.name} required onChange={(e) => change({ name: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('item.atLeast')}</span>
          <input
            inputMode="numeric"
            value={String(group.minChoices)}
            onChange={(e) => change({ minChoices: Number(e.target.value || '0') })}
          />
        </label>
        <label className="field">
          <span>{t('item.atMost')}</span>
          <input
            inputMode="numeric"
            value={String(group.maxChoices)}
            onChange={(e) => change({ maxChoices: Number(e.target.value || '0') })}
          />
        </label>
      </div>
      {group.modifiers.map((choice, ci) => (
        <ChoiceRow
          key={ci}
          choice={choice}
          change={(c) => setChoices(group.modifiers.map((m, i) => (i === ci ? { ...m, ...c } : m)))}
          remove={() => setChoices(group.modifiers.filter((_, i) => i !== ci))}
          money={money}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            setChoices([...group.modifiers, { name: '', priceDeltaCents: 0, kitchenLabel: '' }])
          }
        >
          {t('item.addChoice')}
        </button>
        <button type="button" className="btn btn--small btn--danger" onClick={remove}>
          {t('item.removeGroup')}
        </button>
      </div>
    </fieldset>
  );
}

function ChoiceRow({
  choice,
  change,
  remove,
  money: { cents, amount },
}: {
  choice: Choice;
  change: (change: Partial<Choice>) => void;
  remove: () => void;
  money: MoneyText;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="choice-row">
      <label className="field">
        <span>{t('item.choice')}</span>
        <input value={choice.name} required onChange={(e) => change({ name: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('item.ticketLabel')}</span>
        <input
          value={choice.kitchenLabel ?? ''}
          placeholder={t('item.ticketLabelHint')}
          onChange={(e) => change({ kitchenLabel: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('item.priceChange')}</span>
        <input
          inputMode="decimal"
          defaultValue={amount(choice.priceDeltaCents)}
          onChange={(e) => change({ priceDeltaCents: cents(e.target.value) })}
        />
      </label>
      <button type="button" className="btn btn--small" onClick={remove}>
        {t('item.removeChoice')}
      </button>
    </div>
  );
}
