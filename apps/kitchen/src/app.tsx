import { ChoosePassword, isAuthError, needsNewPassword, useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { SignIn } from './auth/sign-in.tsx';
import { StationPicker } from './auth/station-picker.tsx';
import { tokenStore, useToken } from './auth/token.ts';
import { BoardScreen } from './board/board-screen.tsx';
import { cachedSnapshot, keepSnapshot } from './board/offline-snapshot.ts';
import type { KitchenConfig } from './board/types.ts';

const subscribeUrl = (l: () => void) => {
  window.addEventListener('popstate', l);
  return () => window.removeEventListener('popstate', l);
};
const useStationParam = () =>
  useSyncExternalStore(subscribeUrl, () => new URLSearchParams(location.search).get('station'));

/** The station is in the URL, so a screen that reloads comes back to the same view. */
function chooseStation(id: string) {
  history.pushState(null, '', `?station=${encodeURIComponent(id)}`);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function App() {
  const token = useToken();
  return token ? <Kitchen /> : <SignIn />;
}

function Kitchen() {
  const trpc = useTRPC();
  const config = useQuery({
    ...trpc.kitchen.config.queryOptions(),
    // Drawn from the device's copy while the server cannot be reached, and refreshed at once.
    initialData: () => cachedSnapshot<KitchenConfig>('config'),
    initialDataUpdatedAt: 0,
  });
  useEffect(() => {
    if (config.data) keepSnapshot('config', config.data);
  }, [config.data]);
  const param = useStationParam();
  useEffect(() => {
    if (config.error && isAuthError(config.error) && !needsNewPassword(config.error)) {
      tokenStore.set(null);
    }
  }, [config.error]);

  if (config.error && needsNewPassword(config.error)) {
    return (
      <main className="signin">
        <ChoosePassword
          title="Choose your new password"
          intro="A manager reset your password. Choose your own before you start; only you will know it."
          onDone={() => void config.refetch()}
        />
        <button className="btn" onClick={() => tokenStore.set(null)}>
          Sign out
        </button>
      </main>
    );
  }
  if (config.error && !config.data)
    return (
      <p className="fatal" role="alert">
        Cannot load this screen: {config.error.message}
      </p>
    );
  if (!config.data) return <p className="loading">Loading…</p>;
  const data = config.data;
  // A paired screen is bound to its station (or to all stations, for expo screens).
  const stationId = data.screen.kind === 'device' ? data.screen.stationId : param;
  if (data.screen.kind === 'staff' && !stationId)
    return <StationPicker config={data} choose={chooseStation} />;
  const station = data.stations.find((s) => s.id === stationId) ?? null;
  return <BoardScreen key={station?.id ?? 'all'} config={data} station={station} />;
}
