import type { AppRouter } from '@kds/api/client';
import { Trans, useTranslation } from '@kds/i18n/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { messageFor } from './error-message.ts';
import { Pauses } from './pacing-pauses.tsx';
import { useTRPC } from './trpc.ts';

export type Status = inferRouterOutputs<AppRouter>['pacing']['status'];
export type Change = inferRouterInputs<AppRouter>['pacing']['update'];

/**
 * Pause online orders, quote longer waits, throttle ASAP orders: the same controls on the expo
 * screen and in the admin console. Everything shown comes from the server; nothing changes
 * here until the server has accepted it.
 */
export function PacingPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({ ...trpc.pacing.status.queryOptions(), refetchInterval: 30_000 });
  const update = useMutation(
    trpc.pacing.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.pacing.status.queryKey() }),
    }),
  );
  if (status.error) return <p role="alert">{messageFor(status.error, t)}</p>;
  if (!status.data) return <p>{t('loading')}</p>;
  const change = (input: Change) => update.mutate(input);
  return (
    <div className="pacing">
      <Pauses status={status.data} change={change} busy={update.isPending} />
      <Quote status={status.data} change={change} busy={update.isPending} />
      <Throttle status={status.data} change={change} busy={update.isPending} />
      {update.error && (
        <p className="pacing__error" role="alert">
          {t('pacing.notChanged', { message: messageFor(update.error, t) })}
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
  const { t } = useTranslation();
  const extra = status.pacing.extraMinutes;
  const set = (extraMinutes: number) =>
    change({ kind: 'quote', extraMinutes: Math.min(120, Math.max(0, extraMinutes)) });
  return (
    <section className="pacing__part" aria-labelledby="pacing-quote">
      <h3 id="pacing-quote">{t('pacing.quoteTitle')}</h3>
      <p>
        <Trans
          t={t}
          i18nKey={extra > 0 ? 'pacing.quotedExtra' : 'pacing.quoted'}
          values={{ minutes: status.readyInMinutes, extra }}
          components={{ strong: <strong /> }}
        />
      </p>
      <div className="pacing__row">
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra === 0}
          onClick={() => set(extra - 5)}
        >
          {t('pacing.lessFive')}
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra >= 120}
          onClick={() => set(extra + 5)}
        >
          {t('pacing.addFive')}
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || extra >= 120}
          onClick={() => set(extra + 15)}
        >
          {t('pacing.addFifteen')}
        </button>
      </div>
    </section>
  );
}

function Throttle({ status, change, busy }: PartProps) {
  const { t } = useTranslation();
  const { enabled, asapPerWindow } = status.pacing.throttle;
  const set = (on: boolean, cap: number) =>
    change({ kind: 'throttle', enabled: on, asapPerWindow: Math.min(500, Math.max(1, cap)) });
  return (
    <section className="pacing__part" aria-labelledby="pacing-throttle">
      <h3 id="pacing-throttle">{t('pacing.throttleTitle')}</h3>
      <p>
        {enabled
          ? t('pacing.throttleOn', {
              cap: asapPerWindow,
              taken: status.asap.taken,
              windowCap: status.asap.cap ?? asapPerWindow,
            })
          : t('pacing.throttleOff', { taken: status.asap.taken })}
      </p>
      <div className="pacing__row">
        <button
          type="button"
          className="pacing__btn"
          disabled={busy}
          aria-pressed={enabled}
          onClick={() => set(!enabled, asapPerWindow)}
        >
          {enabled ? t('pacing.turnOff') : t('pacing.turnOn')}
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy || asapPerWindow <= 1}
          onClick={() => set(enabled, asapPerWindow - 2)}
        >
          {t('pacing.fewer')}
        </button>
        <button
          type="button"
          className="pacing__btn"
          disabled={busy}
          onClick={() => set(enabled, asapPerWindow + 2)}
        >
          {t('pacing.more')}
        </button>
      </div>
      <ul className="pacing__loads" aria-label={t('pacing.stationLoad')}>
        {status.stations.map((s) => (
          <li key={s.stationId}>
            <span>{s.name}</span>
            <meter min={0} max={1} low={0.5} high={0.85} optimum={0} value={Math.min(1, s.load)} />
            <span>{t('pacing.load', { open: s.openItems, capacity: s.capacityItems })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
