import { I18nRoot, initialLanguage } from '@kds/i18n/react';
import { createKdsClients, KdsProvider, ScreenBoundary } from '@kds/ui';
import '@kds/ui/styles.css';
import '@kds/ui/order-entry.css';
import { StrictMode, useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { useToken } from './auth/token.ts';
import './styles.css';

/** New clients (socket, cache) for each identity: nothing of the previous one leaks over. */
function Root() {
  const token = useToken();
  const clients = useMemo(() => createKdsClients({ getToken: () => token }), [token]);
  useEffect(() => () => void clients.wsClient.close(), [clients]);
  return (
    <KdsProvider key={token ?? 'signed-out'} clients={clients}>
      <App />
    </KdsProvider>
  );
}

// Keeps the app on the device, so a reload without network still opens the screen (HTTPS or
// localhost only: browsers offer service workers nowhere else).
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker
    .register('/kitchen/kitchen-sw.js', { scope: '/kitchen/' })
    .catch(() => {});
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <I18nRoot language={initialLanguage()}>
      {/* A wall screen nobody is touching starts again by itself and resumes from the server. */}
      <ScreenBoundary reloadAfterSeconds={10}>
        <Root />
      </ScreenBoundary>
    </I18nRoot>
  </StrictMode>,
);
