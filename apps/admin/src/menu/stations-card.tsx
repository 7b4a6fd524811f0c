import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Inputs, Outputs } from '../shared/types.ts';
import { AddStationForm, StationRow } from './station-row.tsx';
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
  const add = (station: Omit<Inputs['menu']['saveStation'], 'sortOrder'>, done: () => void) =>
    void run(async () => {
      await saveStation.mutateAsync({ ...station, sortOrder: stations.length + 1 });
      done();
    });
  return (
    <section className="card" aria-labelledby="stations-title">
      <h2 id="stations-title">{t('stations.title')}</h2>
      <ul className="plain">
        {stations.map((station) => (
          <StationRow
            key={station.id}
            station={station}
            save={(capacityItems) =>
              void run(() => saveStation.mutateAsync({ ...fieldsOf(station), capacityItems }))
            }
            remove={() => void run(() => deleteStation.mutateAsync({ id: station.id }))}
          />
        ))}
      </ul>
      <AddStationForm add={add} />
      {error && <ErrorNotice>{error}</ErrorNotice>}
    </section>
  );
}

const fieldsOf = (s: Station) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  sortOrder: s.sortOrder,
});
