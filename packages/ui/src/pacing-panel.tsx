import type { AppRouter } from '@kds/api/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { Pauses } from './pacing-pauses.tsx';
import { useTRPC } from './trpc.ts';

export type Status = inferRouterOutputs<AppRouter>['pacing']['status'];
export type Change = inferRouterInputs<AppRouter>['pacing']['update'];

/**
 * Pause online orders, quote longer waits, throttle ASAP orders: the same controls on the expo
 * screen and in the admin console. Everything shown comes from the server; nothing changes
 * here until the server has accepted it.
 */
export function PacingPanel({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({ ...trpc.pacing.status.queryOptions(), refetchInterval: 30_000 });
  const update = useMutation(
    trpc.pacing.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pacing.status.queryKey() }),
    }),
  );
  if (status.error) return <p role="alert">{status.error.message}</p>;
  if (!status.data) return <p>Loading…</p>;
  const change = (input: Change) => update.mutate(input);
  return (
    <div className="pacing">
      <Pauses status={status.data} timeZone={timeZone} change={change} busy={update.isPending} />
      <Quote status={status.data} change={change} busy={update.isPending} />
      <Throttle status={status.data} change={change} busy={update.isPending} />
      {update.error && (
        <p className="pacing__error" role="alert">
          Not changed: {update.error.message}
        </p>
      )}
    </div>
  );
}

export interface PartProps {
  status: Status;
  change(input: Change): void;
  busy: boolean;
}

function Quote({ status, change, busy }: PartProps) {
  const extra = status.pacing.extraMinutes;
  const set = (extraMinutes: number) =>
    change({ kind: 'quote', extraMinutes: Math.min(120, Math.max(0, extraMinutes)) });
  return (
    <section className="pacing__part" aria-labelledby="pacing-quote">
      <h3 id="pacing-quote">Quoted wait</h3>
      <p>
        Guests ordering now are told <strong>about {status.readyInMinutes} min</strong>
        {extra > 0 ? `, with ${extra} min added.` : '.'}
      </p>
      <div className="pacing__row">
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra === 0}
          onClick={() => set(extra - 5)}
        >
          5 min less
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra >= 120}
          onClick={() => set(extra + 5)}
        >
          Add 5 min
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra >= 120}
          onClick={() => set(extra + 15)}
        >
          Add 15 min
        </button>
      </div>
    </section>
  );
}

function Throttle({ status, change, busy }: PartProps) {
  const { enabled, asapPerWindow } = status.pacing.throttle;
  const set = (on: boolean, cap: number) =>
    change({ kind: 'throttle', enabled: on, asapPerWindow: Math.min(500, Math.max(1, cap)) });
  return (
    <section className="pacing__part" aria-labelledby="pacing-throttle">
      <h3 id="pacing-throttle">Throttle ASAP orders</h3>
      <p>
        {enabled
          ? `On: up to ${asapPerWindow} per 15 minutes when stations are at most half full, fewer as they fill, none when one is full. This window: ${status.asap.taken} taken of ${status.asap.cap ?? asapPerWindow}.`
          : `Off: every ASAP order is taken (${status.asap.taken} this 15 minutes).`}
      </p>
      <div className="pacing__row">
        <button
          type="button"
          className="pacing__btn"
          disabled={busy}
          aria-pressed={enabled}
          onClick={() => set(!enabled, asapPerWindow)}
        >
          {enabled ? 'Turn throttle off' : 'Turn throttle on'}
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || asapPerWindow <= 1}
          onClick={() => set(enabled, asapPerWindow - 2)}
        >
          2 fewer per 15 min
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy}
          onClick={() => set(enabled, asapPerWindow + 2)}
        >
          2 more per 15 min
        </button>
      </div>
      <ul className="pacing__loads" aria-label="Station load">
        {status.stations.map((s) => (
          <li key={s.stationId}>
            <span>{s.name}</span>
            <meter min={0} max={1} low={0.5} high={0.85} optimum={0} value={Math.min(1, s.load)} />
            <span>
              {s.openItems} of {s.capacityItems} items
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
