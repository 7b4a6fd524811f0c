import { Trans, useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { ErrorNotice } from '../shared/feedback.tsx';

/** The paired kitchen screens: live, offline or behind, and since when; pair and unpair. */
export function ScreensPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const createPairingCode = useMutation(trpc.device.createPairingCode.mutationOptions());
  const revoke = useMutation(trpc.device.revoke.mutationOptions());
  const queryClient = useQueryClient();
  const health = useQuery({ ...trpc.device.health.queryOptions(), refetchInterval: 15_000 });
  const config = useQuery(trpc.kitchen.config.queryOptions());
  const [code, setCode] = useState<{ code: string; name: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stationName = (id: string | null) =>
    id ? (config.data?.stations.find((s) => s.id === id)?.name ?? '?') : t('screens.allStations');

  const pair = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name'));
    const stationId = String(form.get('stationId') ?? '');
    setError(null);
    try {
      const created = await createPairingCode.mutateAsync({
        name,
        ...(stationId ? { stationId } : {}),
      });
      setCode({ ...created, name });
      event.currentTarget?.reset();
    } catch (e) {
      setError(messageFor(e, tc));
    }
  };

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
              {health.data.map((s) => (
                <tr key={s.deviceId}>
                  <td>{s.name}</td>
                  <td>{stationName(s.stationId)}</td>
                  <td>
                    <span className={`state-pill state-pill--${s.state}`}>
                      {t(`screens.states.${s.state}`)}
                    </span>
                    {s.state !== 'live' && (
                      <span className="small">
                        {t('screens.since', { time: dateTime(s.since) })}
                      </span>
                    )}
                    {s.state === 'behind' && (
                      <div className="small">
                        {s.missed >= 200
                          ? t('screens.missedMany', { count: s.missed })
                          : t('screens.missed', { count: s.missed })}
                      </div>
                    )}
                  </td>
                  <td>{dateTime(s.lastSeenAt)}</td>
                  <td>
                    <button
                      className="btn btn--small btn--danger"
                      onClick={async () => {
                        if (!window.confirm(t('screens.unpairSure', { name: s.name }))) return;
                        await revoke.mutateAsync({ deviceId: s.deviceId });
                        await queryClient.invalidateQueries(trpc.device.health.pathFilter());
                      }}
                    >
                      {t('screens.unpair')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="pair-title">
        <h2 id="pair-title">{t('screens.pairTitle')}</h2>
        <form className="filters" onSubmit={pair}>
          <label className="field field--grow">
            <span>{t('screens.name')}</span>
            <input name="name" required maxLength={60} placeholder={t('screens.nameHint')} />
          </label>
          <label className="field">
            <span>{t('screens.station')}</span>
            <select name="stationId" defaultValue="">
              <option value="">{t('screens.allStations')}</option>
              {config.data?.stations
                .filter((s) => s.kind === 'prep')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
          <button className="btn btn--primary">{t('screens.create')}</button>
        </form>
        {error && <ErrorNotice>{error}</ErrorNotice>}
        {code && (
          <p className="pair-code" role="status">
            <Trans
              t={t}
              i18nKey="screens.code"
              values={{ code: code.code, name: code.name, time: dateTime(code.expiresAt) }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
      </section>
    </>
  );
}
