import { WebhooksCard } from '../settings/webhooks-card.tsx';
import { ApiKeysCard } from './api-keys-card.tsx';

/** Everything a POS, an aggregator or a script needs: keys, the API's reference, webhooks. */
export function IntegrationsPage() {
  return (
    <>
      <header className="page-head">
        <h1>Integrations</h1>
        <p className="muted">
          Other systems read the menu, place and follow orders through the{' '}
          <a href="/api/docs/" target="_blank" rel="noreferrer">
            KDS API (reference)
          </a>{' '}
          with a key from here, and hear about every change by webhook.
        </p>
      </header>
      <ApiKeysCard />
      <WebhooksCard />
    </>
  );
}
