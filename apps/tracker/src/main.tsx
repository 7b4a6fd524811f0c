import { I18nRoot, initialLanguage } from '@kds/i18n/react';
import { createKdsClients, KdsProvider, ScreenBoundary } from '@kds/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import '@kds/ui/styles.css';
import './styles.css';

// Guests have no account: the tracking token in the URL is their only key.
const clients = createKdsClients({ getToken: () => null });
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <I18nRoot language={initialLanguage()}>
      {/* The in-store board hangs on a wall: it starts again by itself. A guest gets a button. */}
      <ScreenBoundary reloadAfterSeconds={location.pathname.startsWith('/board/') ? 10 : undefined}>
        <KdsProvider clients={clients}>
          <App />
        </KdsProvider>
      </ScreenBoundary>
    </I18nRoot>
  </StrictMode>,
);
