import { useTranslation } from '@kds/i18n/react';
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
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const { config, station, panel, setPanel } = props;
  const toggle = (p: Exclude<Panel, null>) => () => setPanel(panel === p ? null : p);
  const canLeave = config.screen.kind === 'staff';
  return (
    <header className="topbar">
      <div className="topbar__title">
        <h1>{station?.name ?? t('top.allStations')}</h1>
        <span className="topbar__store">
          {config.store.name} · {t('top.open', { count: props.openCount })}
          {props.heldCount > 0 ? ` · ${t('top.held', { count: props.heldCount })}` : ''}
        </span>
      </div>
      {props.indicator}
      <nav className="topbar__actions" aria-label={t('top.screen')}>
        <PanelButton panel="allDay" current={panel} toggle={toggle}>
          {t('top.allDay')}
        </PanelButton>
        <PanelButton panel="recall" current={panel} toggle={toggle}>
          {t('top.recall', { count: props.recallCount })}
        </PanelButton>
        <PanelButton panel="eightySix" current={panel} toggle={toggle}>
          {t('top.eightySix')}
        </PanelButton>
        {isFrontOfHouse(config, station) && (
          <PacingButton pressed={panel === 'pacing'} onClick={toggle('pacing')} />
        )}
        {isFrontOfHouse(config, station) && (
          <PanelButton panel="newOrder" current={panel} toggle={toggle}>
            {t('top.newOrder')}
          </PanelButton>
        )}
        {(station === null || station.kind === 'expo') && (
          <PanelButton panel="print" current={panel} toggle={toggle}>
            {t('top.print')}
          </PanelButton>
        )}
        <PanelButton panel="help" current={panel} toggle={toggle} aria-label={t('top.help')}>
          ?
        </PanelButton>
        <button type="button" className="btn" onClick={toggleFullscreen}>
          {t('top.fullScreen')}
        </button>
        {canLeave && (
          <>
            <a className="btn" href="/kitchen/">
              {t('top.stations')}
            </a>
            <button type="button" className="btn" onClick={() => tokenStore.set(null)}>
              {tc('signOut')}
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
  const { t } = useTranslation('kitchen');
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
      {paused ? t('top.pacingPaused') : t('top.pacing')}
    </button>
  );
}

/** A button that opens its panel, or closes it when it is the one open. */
function PanelButton({
  panel,
  current,
  toggle,
  children,
  ...rest
}: {
  panel: Exclude<Panel, null>;
  current: Panel;
  toggle: (panel: Exclude<Panel, null>) => () => void;
  children: ReactNode;
  'aria-label'?: string;
}) {
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={current === panel}
      onClick={toggle(panel)}
      {...rest}
    >
      {children}
    </button>
  );
}
