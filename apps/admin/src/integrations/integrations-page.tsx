import { Trans, useTranslation } from '@kds/i18n/react';
import { WebhooksCard } from '../settings/webhooks-card.tsx';
import { ApiKeysCard } from './api-keys-card.tsx';

/** Everything a POS, an aggregator or a script needs: keys, the API's reference, webhooks. */
export function IntegrationsPage() {
  const { t } = useTranslation('admin');
  return (
    <>
      <header className="page-head">
        <h1>{t('integrations.title')}</h1>
        <p className="muted">
          <Trans
            t={t}
            i18nKey="integrations.intro"
            components={{ api: <a href="/api/docs/" target="_blank" rel="noreferrer" /> }}
          />
        </p>
      </header>
      <ApiKeysCard />
      <WebhooksCard />
    </>
  );
}
