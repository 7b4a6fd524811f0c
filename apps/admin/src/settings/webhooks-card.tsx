import { Trans, useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../shared/feedback.tsx';
import { commaList } from '../shared/comma-list.ts';

/** Outgoing webhooks for a POS or an integrator: URL, event types, and the secret, once. */
export function WebhooksCard() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const remove = useMutation(trpc.webhook.remove.mutationOptions());
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhook.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.webhook.pathFilter());
  return (
    <section className="card" aria-label={t('webhooks.title')}>
      <h2>{t('webhooks.title')}</h2>
      <p className="muted small">
        <Trans t={t} i18nKey="webhooks.intro" components={{ code: <code /> }} />
      </p>
      <ul className="plain">
        {endpoints.data?.map((e) => (
          <li key={e.id}>
            <code>{e.url}</code> · {e.eventTypes.join(', ')} ·{' '}
            {t('webhooks.secret', { hint: e.secretHint })}{' '}
            <button
              className="btn btn--small btn--danger"
              onClick={async () => {
                await remove.mutateAsync({ endpointId: e.id });
                await refresh();
              }}
            >
              {t('webhooks.remove')}
            </button>
          </li>
        ))}
        {endpoints.data?.length === 0 && <li className="muted">{t('webhooks.none')}</li>}
      </ul>
      <AddEndpoint refresh={refresh} />
    </section>
  );
}

/** A new endpoint: its URL and event types; its signing secret is shown here once. */
function AddEndpoint({ refresh }: { refresh: () => Promise<unknown> }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const create = useMutation(trpc.webhook.create.mutationOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    try {
      const types = commaList(String(data.get('types') ?? '*'));
      const created = await create.mutateAsync({
        url: String(data.get('url')),
        eventTypes: (types.length ? types : ['*']) as never,
      });
      setSecret(created.secret);
      form.reset();
      await refresh();
    } catch (e) {
      setError(messageFor(e, tc));
    }
  };

  return (
    <>
      <form className="filters" onSubmit={add}>
        <label className="field field--grow">
          <span>{t('webhooks.url')}</span>
          <input name="url" type="url" required placeholder="https://pos.example.com/kds" />
        </label>
        <label className="field field--grow">
          <span>{t('webhooks.types')}</span>
          <input name="types" defaultValue="order.placed, ticket.bumped, order.completed" />
        </label>
        <button className="btn">{t('webhooks.add')}</button>
      </form>
      {error && <ErrorNotice>{error}</ErrorNotice>}
      {secret && (
        <p className="notice" role="status">
          <Trans
            t={t}
            i18nKey="webhooks.signing"
            values={{ secret }}
            components={{ code: <code /> }}
          />
        </p>
      )}
    </>
  );
}
