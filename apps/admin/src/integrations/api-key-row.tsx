import { Trans, useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';
import { scopeKey } from './scopes.ts';

type ApiKey = Outputs['apiKey']['list'][number];

/** One key: who made it, its prefix (never the key), what it may do, when it was last used. */
export function ApiKeyRow({
  apiKey: k,
  busy,
  revoke,
}: {
  apiKey: ApiKey;
  busy: boolean;
  revoke: () => void;
}) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  return (
    <tr>
      <th scope="row">
        {k.name}
        <div className="muted small">
          {t('integrations.by', { who: k.createdBy, time: dateTime(k.createdAt) })}
        </div>
      </th>
      <td>
        <code>{k.prefix}…</code>
      </td>
      <td className="small">{k.scopes.map((s) => t(scopeKey(s))).join(' · ')}</td>
      <td>{k.lastUsedAt ? dateTime(k.lastUsedAt) : t('integrations.never')}</td>
      <td>
        {k.revokedAt
          ? t('integrations.revokedAt', { time: dateTime(k.revokedAt) })
          : t('integrations.active')}
      </td>
      <td>
        {!k.revokedAt && (
          <button className="btn btn--small btn--danger" disabled={busy} onClick={revoke}>
            {t('integrations.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}

/** A new key, shown this once: the server keeps only its hash. */
export function ShownOnce({
  shown,
  dismiss,
}: {
  shown: { name: string; key: string };
  dismiss: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="notice" role="status">
      <p>
        <Trans
          t={t}
          i18nKey="integrations.shownOnce"
          values={{ name: shown.name }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p>
        <code className="secret">{shown.key}</code>
      </p>
      <button className="btn btn--small" onClick={dismiss}>
        {t('integrations.copied')}
      </button>
    </div>
  );
}
