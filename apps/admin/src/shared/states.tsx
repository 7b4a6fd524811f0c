import { useTranslation } from '@kds/i18n/react';
import { messageFor } from '@kds/ui';
export function Loading({ what }: { what?: string }) {
  const { t } = useTranslation('admin');
  return (
    <p className="state" role="status">
      {t('loadingWhat', { what: what ?? t('loading') })}
    </p>
  );
}

export function Problem({ error }: { error: { message: string } }) {
  const { t } = useTranslation();
  return (
    <p className="state state--error" role="alert">
      {messageFor(error, t)}
    </p>
  );
}
