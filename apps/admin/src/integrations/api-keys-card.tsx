import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice, useAction } from '../shared/feedback.tsx';
import { Loading, Problem } from '../shared/states.tsx';
import { NewKeyForm } from './new-key-form.tsx';
import { ApiKeyRow, ShownOnce } from './api-key-row.tsx';

/** The store's API keys: make one (shown once), see which are used, revoke one at once. */
export function ApiKeysCard() {
  const { t } = useTranslation('admin');
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
      {shown && <ShownOnce shown={shown} dismiss={() => setShown(null)} />}
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
            {keys.data.map((key) => (
              <ApiKeyRow
                key={key.id}
                apiKey={key}
                busy={revoke.isPending}
                revoke={() => {
                  if (!window.confirm(t('integrations.revokeSure', { name: key.name }))) return;
                  void act(t('integrations.revoked', { name: key.name }), () =>
                    revoke.mutateAsync({ apiKeyId: key.id }),
                  );
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
