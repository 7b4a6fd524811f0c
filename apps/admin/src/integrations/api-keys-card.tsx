import { Trans, useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice, useAction } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { NewKeyForm } from './new-key-form.tsx';
import { scopeKey } from './scopes.ts';

/** The store's API keys: make one (shown once), see which are used, revoke one at once. */
export function ApiKeysCard() {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const create = useMutation(trpc.apiKey.create.mutationOptions());
  const revoke = useMutation(trpc.apiKey.revoke.mutationOptions());
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const { outcome, act } = useAction(() =>
    queryClient.invalidateQueries(trpc.apiKey.list.pathFilter()),
  );
  if (keys.error) return <Problem error={keys.error} />;
  if (!keys.data) return <Loading />;
  return (
    <section className="card" aria-labelledby="api-keys">
      <h2 id="api-keys">{t('integrations.keysTitle')}</h2>
      <p className="muted small">{t('integrations.keysIntro')}</p>
      <Notice outcome={outcome} />
      {shown && (
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
          <button className="btn btn--small" onClick={() => setShown(null)}>
            {t('integrations.copied')}
          </button>
        </div>
      )}
      <NewKeyForm
        busy={create.isPending}
        onCreate={(input) =>
          act(t('integrations.created', { name: input.name }), async () => {
            const made = await create.mutateAsync(input);
            setShown({ name: made.name, key: made.key });
          })
        }
      />
      {keys.data.length === 0 ? (
        <p className="muted">{t('integrations.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('integrations.name')}</th>
              <th scope="col">{t('integrations.key')}</th>
              <th scope="col">{t('integrations.may')}</th>
              <th scope="col">{t('integrations.lastUsed')}</th>
              <th scope="col">{t('integrations.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('integrations.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.id}>
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
                    <button
                      className="btn btn--small btn--danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        const sure = window.confirm(t('integrations.revokeSure', { name: k.name }));
                        if (!sure) return;
                        void act(t('integrations.revoked', { name: k.name }), () =>
                          revoke.mutateAsync({ apiKeyId: k.id }),
                        );
                      }}
                    >
                      {t('integrations.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
