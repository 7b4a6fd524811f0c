import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice, useAction } from '../shared/feedback.tsx';
import { dateTime } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { NewKeyForm } from './new-key-form.tsx';
import { scopeLabel } from './scopes.ts';

/** The store's API keys: make one (shown once), see which are used, revoke one at once. */
export function ApiKeysCard() {
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
      <h2 id="api-keys">API keys</h2>
      <p className="muted small">
        A till, an aggregator or a script calls the API with a key of this store. Only a fingerprint
        of each key is kept: copy it when it is shown, it cannot be shown again.
      </p>
      <Notice outcome={outcome} />
      {shown && (
        <div className="notice" role="status">
          <p>
            Key for <strong>{shown.name}</strong>, shown this once:
          </p>
          <p>
            <code className="secret">{shown.key}</code>
          </p>
          <button className="btn btn--small" onClick={() => setShown(null)}>
            I have copied it
          </button>
        </div>
      )}
      <NewKeyForm
        busy={create.isPending}
        onCreate={(input) =>
          act(`Key for ${input.name} created`, async () => {
            const made = await create.mutateAsync(input);
            setShown({ name: made.name, key: made.key });
          })
        }
      />
      {keys.data.length === 0 ? (
        <p className="muted">No keys yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">May</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.id}>
                <th scope="row">
                  {k.name}
                  <div className="muted small">
                    by {k.createdBy}, {dateTime(k.createdAt)}
                  </div>
                </th>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td className="small">{k.scopes.map(scopeLabel).join(' · ')}</td>
                <td>{k.lastUsedAt ? dateTime(k.lastUsedAt) : 'Never'}</td>
                <td>{k.revokedAt ? `Revoked ${dateTime(k.revokedAt)}` : 'Active'}</td>
                <td>
                  {!k.revokedAt && (
                    <button
                      className="btn btn--small btn--danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        const sure = window.confirm(
                          `Revoke the key for ${k.name}? Whatever uses it stops working at once.`,
                        );
                        if (!sure) return;
                        void act(`Key ${k.name} revoked`, () =>
                          revoke.mutateAsync({ apiKeyId: k.id }),
                        );
                      }}
                    >
                      Revoke
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
