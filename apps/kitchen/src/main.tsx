import { createKdsClients, KdsProvider, ScreenBoundary } from '@kds/ui';
import '@kds/ui/styles.css';
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

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    {/* A wall screen nobody is touching starts again by itself and resumes from the server. */}
    <ScreenBoundary reloadAfterSeconds={10}>
      <Root />
    </ScreenBoundary>
  </StrictMode>,
);
