import { useTranslation } from '@kds/i18n/react';
import { formatElapsed } from './format.ts';
import { useFormat } from './regional.tsx';
import type { Connection } from './use-connection.ts';
import { useNow } from './use-connection.ts';

/** After this long without a live link, a screen must say so loudly. */
export const NOT_LIVE_ALARM_MS = 10_000;

export interface ConnectionIndicatorProps {
  connection: Connection;
  /** When the last event arrived (ms, local clock), or null before the first. */
  lastEventAt: number | null;
}

/** Always on screen: the link state, for how long, and when the last event arrived. */
export function ConnectionIndicator({ connection, lastEventAt }: ConnectionIndicatorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const down = connection.state !== 'live';
  const forMs = now - connection.since;
  return (
    <>
      <div className={`conn conn--${connection.state}`} role="status" aria-live="polite">
        <span className="conn__dot" aria-hidden="true" />
        <span className="conn__label">{t(`connection.${connection.state}`)}</span>
        {down && (
          <span className="conn__for">
            {t('connection.for', { elapsed: formatElapsed(forMs) })}
          </span>
        )}
        <span className="conn__last">
          {lastEventAt
            ? t('connection.lastEvent', { time: format.clock(lastEventAt) })
            : t('connection.noEvents')}
        </span>
      </div>
      {down && forMs >= NOT_LIVE_ALARM_MS && (
        <div className="conn-alarm" role="alert">
          {t('connection.notLive', { elapsed: formatElapsed(forMs) })}{' '}
          {connection.state === 'offline'
            ? t('connection.checkNetwork')
            : t('connection.reconnecting')}
        </div>
      )}
    </>
  );
}
