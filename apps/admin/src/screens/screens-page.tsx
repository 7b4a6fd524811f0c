import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { Loading, Problem } from '../shared/states.tsx';
import { PairScreenCard } from './pair-screen-card.tsx';
import { ScreenRow } from './screen-row.tsx';

/** The paired kitchen screens: live, offline or behind, and since when; pair and unpair. */
export function ScreensPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const revoke = useMutation(trpc.device.revoke.mutationOptions());
  const queryClient = useQueryClient();
  const health = useQuery({ ...trpc.device.health.queryOptions(), refetchInterval: 15_000 });
  const config = useQuery(trpc.kitchen.config.queryOptions());
  const stationName = (id: string | null) =>
    id ? (config.data?.stations.find((s) => s.id === id)?.name ?? '?') : t('screens.allStations');

  return (
    <>
      <header className="page-head">
        <h1>{t('screens.title')}</h1>
        <p className="muted">{t('screens.intro')}</p>
      </header>
      <section className="card">
        {health.error && <Problem error={health.error} />}
        {!health.data ? (
          <Loading />
        ) : health.data.length === 0 ? (
          <p className="muted">{t('screens.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('screens.screen')}</th>
                <th scope="col">{t('screens.station')}</th>
                <th scope="col">{t('screens.state')}</th>
                <th scope="col">{t('screens.lastHeard')}</th>
                <th scope="col">
                  <span className="sr-only">{t('screens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {health.data.map((screen) => (
                <ScreenRow
                  key={screen.deviceId}
                  screen={screen}
                  station={stationName(screen.stationId)}
                  unpair={async () => {
                    if (!window.confirm(t('screens.unpairSure', { name: screen.name }))) return;
                    await revoke.mutateAsync({ deviceId: screen.deviceId });
                    await queryClient.invalidateQueries(trpc.device.health.pathFilter());
                  }}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <PairScreenCard stations={config.data?.stations ?? []} />
    </>
  );
}
