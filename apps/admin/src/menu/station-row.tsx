import { useTranslation } from '@kds/i18n/react';
import type { FormEvent } from 'react';
import type { Inputs, Outputs } from '../shared/types.ts';
import { Field } from '../shared/field.tsx';

type Station = Outputs['menu']['forEditing']['stations'][number];

/** One station: its kind, how many items a prep station has on the go, and remove. */
export function StationRow({
  station: s,
  save,
  remove,
}: {
  station: Station;
  /** Saves a new "items at once". */
  save: (capacityItems: number) => void;
  remove: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <li>
      <strong>{s.name}</strong> <span className="badge">{t(`stations.kind.${s.kind}`)}</span>{' '}
      {s.kind === 'prep' && (
        <label className="inline-field">
          <span>{t('stations.itemsAtOnce')}</span>
          <input
            type="number"
            min={1}
            max={1000}
            defaultValue={s.capacityItems}
            onBlur={(e) => {
              const capacityItems = Number(e.currentTarget.value);
              if (capacityItems === s.capacityItems || !(capacityItems >= 1)) return;
              save(capacityItems);
            }}
          />
        </label>
      )}{' '}
      <button className="btn btn--small btn--danger" onClick={remove}>
        {t('stations.remove', { name: s.name })}
      </button>
    </li>
  );
}

/** A new station: its name, prep or expo, and how many items it takes at once. */
export function AddStationForm({
  add,
}: {
  add: (station: Omit<Inputs['menu']['saveStation'], 'sortOrder'>, done: () => void) => void;
}) {
  const { t } = useTranslation('admin');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    add(
      {
        name: String(data.get('name')),
        kind: data.get('kind') === 'expo' ? 'expo' : 'prep',
        capacityItems: Number(data.get('capacityItems')) || 12,
      },
      () => form.reset(),
    );
  };
  return (
    <form className="filters" onSubmit={submit}>
      <Field label={t('stations.name')} grow name="name" required maxLength={40} />
      <label className="field">
        <span>{t('stations.kindLabel')}</span>
        <select name="kind" defaultValue="prep">
          <option value="prep">{t('stations.prep')}</option>
          <option value="expo">{t('stations.expo')}</option>
        </select>
      </label>
      <Field
        label={t('stations.itemsAtOnce')}
        name="capacityItems"
        type="number"
        min={1}
        max={1000}
        defaultValue={12}
      />
      <button className="btn">{t('stations.add')}</button>
    </form>
  );
}
