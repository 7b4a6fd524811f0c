import { useAppLanguage, useTranslation } from '@kds/i18n/react';
import {
  ChoosePassword,
  isAuthError,
  messageFor,
  needsNewPassword,
  StoreRegionProvider,
  useTRPC,
} from '@kds/ui';
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
  const { t } = useTranslation();
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
  useAppLanguage(config.data?.language);
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
          title={t('password.chooseTitle')}
          intro={t('password.chooseIntro')}
          onDone={() => void config.refetch()}
        />
        <button className="btn" onClick={() => tokenStore.set(null)}>
          {t('signOut')}
        </button>
      </main>
    );
  }
  if (config.error && !config.data)
    return (
      <p className="fatal" role="alert">
        {t('error.cannotLoad', { message: messageFor(config.error, t) })}
      </p>
    );
  if (!config.data) return <p className="loading">{t('loading')}</p>;
  const data = config.data;
  // A paired screen is bound to its station (or to all stations, for expo screens).
  const stationId = data.screen.kind === 'device' ? data.screen.stationId : param;
  const station = data.stations.find((s) => s.id === stationId) ?? null;
  const { storeLocale, timezone: timeZone, currency } = data.store;
  return (
    <StoreRegionProvider region={{ storeLocale, timeZone, currency }}>
      {data.screen.kind === 'staff' && !stationId ? (
        <StationPicker config={data} choose={chooseStation} />
      ) : (
        <BoardScreen key={station?.id ?? 'all'} config={data} station={station} />
      )}
    </StoreRegionProvider>
  );
}
