import { useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { tokenStore } from '../auth/token.ts';
import { toggleFullscreen } from '../screen/wake-lock.ts';
import type { KitchenConfig, Station } from './types.ts';
import type { Panel } from './use-board-ui.ts';

export interface TopBarProps {
  config: KitchenConfig;
  station: Station | null;
  openCount: number;
  heldCount: number;
  recallCount: number;
  panel: Panel;
  setPanel(panel: Panel): void;
  indicator: ReactNode;
}

export function TopBar(props: TopBarProps) {
  const { config, station, panel, setPanel } = props;
  const toggle = (p: Exclude<Panel, null>) => () => setPanel(panel === p ? null : p);
  const canLeave = config.screen.kind === 'staff';
  return (
    <header className="topbar">
      <div className="topbar__title">
        <h1>{station?.name ?? 'All stations'}</h1>
        <span className="topbar__store">
          {config.store.name} · {props.openCount} open
          {props.heldCount > 0 ? ` · ${props.heldCount} held` : ''}
        </span>
      </div>
      {props.indicator}
      <nav className="topbar__actions" aria-label="Screen">
        <button
          type="button"
          className="btn"
          aria-pressed={panel === 'allDay'}
          onClick={toggle('allDay')}
        >
          All day
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={panel === 'recall'}
          onClick={toggle('recall')}
        >
          Recall ({props.recallCount})
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={panel === 'eightySix'}
          onClick={toggle('eightySix')}
        >
          86
        </button>
        {isFrontOfHouse(config, station) && (
          <PacingButton pressed={panel === 'pacing'} onClick={toggle('pacing')} />
        )}
        {isFrontOfHouse(config, station) && (
          <button
            type="button"
            className="btn"
            aria-pressed={panel === 'newOrder'}
            onClick={toggle('newOrder')}
          >
            New order
          </button>
        )}
        {(station === null || station.kind === 'expo') && (
          <button
            type="button"
            className="btn"
            aria-pressed={panel === 'print'}
            onClick={toggle('print')}
          >
            Print
          </button>
        )}
        <button
          type="button"
          className="btn"
          aria-pressed={panel === 'help'}
          onClick={toggle('help')}
          aria-label="Keys and settings"
        >
          ?
        </button>
        <button type="button" className="btn" onClick={toggleFullscreen}>
          Full screen
        </button>
        {canLeave && (
          <>
            <a className="btn" href="/kitchen/">
              Stations
            </a>
            <button type="button" className="btn" onClick={() => tokenStore.set(null)}>
              Sign out
            </button>
          </>
        )}
      </nav>
    </header>
  );
}

/**
 * Pacing and walk-in orders are the pass's job: a paired expo or all-stations screen, or a
 * manager signed in (the server checks the same).
 */
export function isFrontOfHouse(config: KitchenConfig, station: Station | null): boolean {
  const atExpo = station === null || station.kind === 'expo';
  const role = config.screen.role;
  return atExpo && (config.screen.kind === 'device' || role === 'owner' || role === 'manager');
}

/** The pacing button says "paused" while any kind of online order is paused. */
function PacingButton({ pressed, onClick }: { pressed: boolean; onClick(): void }) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.pacing.status.queryOptions(), refetchInterval: 30_000 });
  const paused = Object.keys(status.data?.pacing.pauses ?? {}).length > 0;
  return (
    <button
      type="button"
      className={`btn ${paused ? 'btn--alert' : ''}`}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {paused ? 'Pacing: paused' : 'Pacing'}
    </button>
  );
}
