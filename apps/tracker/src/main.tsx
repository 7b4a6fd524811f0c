import { createKdsClients, KdsProvider } from '@kds/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';

// Guests have no account: the tracking token in the URL is their only key.
const clients = createKdsClients({ getToken: () => null });
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <KdsProvider clients={clients}>
      <App />
    </KdsProvider>
  </StrictMode>,
);
