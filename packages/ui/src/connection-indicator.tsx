import { formatClock, formatElapsed } from './format.ts';
import type { Connection } from './use-connection.ts';
import { useNow } from './use-connection.ts';

const LABEL = { live: 'Live', connecting: 'Reconnecting', offline: 'Offline' } as const;

/** After this long without a live link, a screen must say so loudly. */
export const NOT_LIVE_ALARM_MS = 10_000;

export interface ConnectionIndicatorProps {
  connection: Connection;
  /** When the last event arrived (ms, local clock), or null before the first. */
  lastEventAt: number | null;
  timeZone?: string;
}

/** Always on screen: the link state, for how long, and when the last event arrived. */
export function ConnectionIndicator({
  connection,
  lastEventAt,
  timeZone,
}: ConnectionIndicatorProps) {
  const now = useNow();
  const down = connection.state !== 'live';
  const forMs = now - connection.since;
  return (
    <>
      <div className={`conn conn--${connection.state}`} role="status" aria-live="polite">
        <span className="conn__dot" aria-hidden="true" />
        <span className="conn__label">{LABEL[connection.state]}</span>
        {down && <span className="conn__for">for {formatElapsed(forMs)}</span>}
        <span className="conn__last">
          {lastEventAt ? `last event ${formatClock(lastEventAt, timeZone)}` : 'no events yet'}
        </span>
      </div>
      {down && forMs >= NOT_LIVE_ALARM_MS && (
        <div className="conn-alarm" role="alert">
          NOT LIVE for {formatElapsed(forMs)}: new tickets may be missing.{' '}
          {connection.state === 'offline' ? 'Check the network.' : 'Reconnecting…'}
        </div>
      )}
    </>
  );
}
