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
