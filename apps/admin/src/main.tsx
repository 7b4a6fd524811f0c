import { I18nRoot, initialLanguage } from '@kds/i18n/react';
import { createKdsClients, KdsProvider, ScreenBoundary } from '@kds/ui';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import '@kds/ui/styles.css';
import '@kds/ui/order-entry.css';
import './styles.css';

/**
 * The console signs in with the HTTP-only session cookie (no token in page storage). After a
 * sign-in, sign-out or store switch the clients are rebuilt, so the WebSocket reconnects as
 * the new identity and no cached data of the previous one survives.
 */
function Root() {
  const [identity, setIdentity] = useState(0);
  const clients = useMemo(() => {
    void identity;
    return createKdsClients({ getToken: () => null });
  }, [identity]);
  useEffect(() => () => void clients.wsClient.close(), [clients]);
  return (
    // Keyed: a new identity remounts everything under it, so no state of the old one is kept.
    <KdsProvider key={identity} clients={clients}>
      <App onIdentityChange={() => setIdentity((n) => n + 1)} />
    </KdsProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <I18nRoot language={initialLanguage()}>
      <ScreenBoundary>
        <Root />
      </ScreenBoundary>
    </I18nRoot>
  </StrictMode>,
);
