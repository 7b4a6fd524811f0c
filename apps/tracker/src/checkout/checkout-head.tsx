import { useTranslation } from '@kds/i18n/react';
import type { ReactNode } from 'react';
import { navigate } from '../shared/route.ts';

/** Back to the menu, the page's title, and a problem that belongs to no one field. */
export function CheckoutHead({
  storeSlug,
  title,
  general,
}: {
  storeSlug: string;
  title: ReactNode;
  general: string | null;
}) {
  const { t } = useTranslation('guest');
  return (
    <>
      <button type="button" className="link" onClick={() => navigate(`/order/${storeSlug}`)}>
        {t('checkout.menu')}
      </button>
      <h1>{title}</h1>
      {general && (
        <p className="problem problem--general" role="alert">
          {general}
        </p>
      )}
    </>
  );
}
