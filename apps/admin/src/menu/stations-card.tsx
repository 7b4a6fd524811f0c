import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Outputs } from '../shared/types.ts';
import { ErrorNotice } from '../shared/feedback.tsx';

type Station = Outputs['menu']['forEditing']['stations'][number];

/**
 * Where items are cooked: each item is routed to one prep station; expo sees everything. "Items
 * at once" is what a prep station can have on the go; pacing measures the kitchen's load by it.
 */
export function StationsCard({
  stations,
  onChanged,
}: {
  stations: Station[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const saveStation = useMutation(trpc.menu.saveStation.mutationOptions());
  const deleteStation = useMutation(trpc.menu.deleteStation.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (e) {
      setError(messageFor(e, tc));
    }
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await saveStation.mutateAsync({
        name: String(data.get('name')),
        kind: data.get('kind') === 'expo' ? 'expo' : 'prep',
        sortOrder: stations.length + 1,
        capacityItems: Number(data.get('capacityItems')) || 12,
      });
      form.reset();
    });
  };
  return (
    <section className="card" aria-labelledby="stations-title">
      <h2 id="stations-title">{t('stations.title')}</h2>
      <ul className="plain">
        {stations.map((s) => (
          <li key={s.id}>
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
                    void run(() =>
                      saveStation.mutateAsync({
                        id: s.id,
                        name: s.name,
                        kind: s.kind,
                        sortOrder: s.sortOrder,
                        capacityItems,
                      }),
                    );
                  }}
                />
              </label>
            )}{' '}
            <button
              className="btn btn--small btn--danger"
              onClick={() => void run(() => deleteStation.mutateAsync({ id: s.id }))}
            >
              {t('stations.remove', { name: s.name })}
            </button>
          </li>
        ))}
      </ul>
      <form className="filters" onSubmit={add}>
        <label className="field field--grow">
          <span>{t('stations.name')}</span>
          <input name="name" required maxLength={40} />
        </label>
        <label className="field">
          <span>{t('stations.kindLabel')}</span>
          <select name="kind" defaultValue="prep">
            <option value="prep">{t('stations.prep')}</option>
            <option value="expo">{t('stations.expo')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('stations.itemsAtOnce')}</span>
          <input name="capacityItems" type="number" min={1} max={1000} defaultValue={12} />
        </label>
        <button className="btn">{t('stations.add')}</button>
      </form>
      {error && <ErrorNotice>{error}</ErrorNotice>}
    </section>
  );
}
