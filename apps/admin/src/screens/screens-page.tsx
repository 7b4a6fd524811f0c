import { useTRPC, useTRPCClient } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dateTime } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';

const STATE_WORDS = { live: 'Live', offline: 'Offline', behind: 'Behind' } as const;

/** The paired kitchen screens: live, offline or behind, and since when; pair and unpair. */
export function ScreensPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const health = useQuery({ ...trpc.device.health.queryOptions(), refetchInterval: 15_000 });
  const config = useQuery(trpc.kitchen.config.queryOptions());
  const [code, setCode] = useState<{ code: string; name: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stationName = (id: string | null) =>
    id ? (config.data?.stations.find((s) => s.id === id)?.name ?? '?') : 'Expo / all stations';

  const pair = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name'));
    const stationId = String(form.get('stationId') ?? '');
    setError(null);
    try {
      const created = await client.device.createPairingCode.mutate({
        name,
        ...(stationId ? { stationId } : {}),
      });
      setCode({ ...created, name });
      event.currentTarget?.reset();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <header className="page-head">
        <h1>Kitchen screens</h1>
        <p className="muted">
          A screen is offline after 90 seconds without a word, and behind when it has not shown an
          order for 30 seconds. Managers on the escalation list get a text when it lasts.
        </p>
      </header>
      <section className="card">
        {health.error && <Problem error={health.error} />}
        {!health.data ? (
          <Loading />
        ) : health.data.length === 0 ? (
          <p className="muted">No screens paired yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Screen</th>
                <th scope="col">Station</th>
                <th scope="col">State</th>
                <th scope="col">Last heard</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
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
                      {STATE_WORDS[s.state]}
                    </span>
                    {s.state !== 'live' && (
                      <span className="small"> since {dateTime(s.since)}</span>
                    )}
                    {s.state === 'behind' && (
                      <div className="small">
                        {s.missed}
                        {s.missed >= 200 ? '+' : ''} change{s.missed === 1 ? '' : 's'} not shown
                      </div>
                    )}
                  </td>
                  <td>{dateTime(s.lastSeenAt)}</td>
                  <td>
                    <button
                      className="btn btn--small btn--danger"
                      onClick={async () => {
                        if (!window.confirm(`Unpair "${s.name}"? It will need a new code.`)) return;
                        await client.device.revoke.mutate({ deviceId: s.deviceId });
                        await queryClient.invalidateQueries(trpc.device.health.pathFilter());
                      }}
                    >
                      Unpair
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="pair-title">
        <h2 id="pair-title">Pair a screen</h2>
        <form className="filters" onSubmit={pair}>
          <label className="field field--grow">
            <span>Screen name</span>
            <input name="name" required maxLength={60} placeholder="Grill wall screen" />
          </label>
          <label className="field">
            <span>Station</span>
            <select name="stationId" defaultValue="">
              <option value="">Expo / all stations</option>
              {config.data?.stations
                .filter((s) => s.kind === 'prep')
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
          <button className="btn btn--primary">Create code</button>
        </form>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        {code && (
          <p className="pair-code" role="status">
            Enter <strong>{code.code}</strong> on the screen “{code.name}” at /kitchen/ before{' '}
            {dateTime(code.expiresAt)}.
          </p>
        )}
      </section>
    </>
  );
}
