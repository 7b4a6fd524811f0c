import { useTranslation } from '@kds/i18n/react';
import { OrderEntry } from '@kds/ui';
import type { Outputs } from '../shared/types.ts';

/** A phone order or a walk-in, keyed in for the store this session is in. */
export function NewOrderPage({ store }: { store: NonNullable<Outputs['store']['mine']['store']> }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <header className="page-head">
        <h1>{t('newOrder.title')}</h1>
        <p className="muted">{t('newOrder.intro')}</p>
      </header>
      <OrderEntry storeSlug={store.slug} />
    </>
  );
}
