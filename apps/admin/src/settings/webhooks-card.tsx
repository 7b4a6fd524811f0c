import { useTRPC, useTRPCClient } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

/** Outgoing webhooks for a POS or an integrator: URL, event types, and the secret, once. */
export function WebhooksCard() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhook.list.queryOptions());
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.webhook.pathFilter());

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    try {
      const types = String(data.get('types') ?? '*')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const created = await client.webhook.create.mutate({
        url: String(data.get('url')),
        eventTypes: (types.length ? types : ['*']) as never,
      });
      setSecret(created.secret);
      form.reset();
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card" aria-label="Webhooks">
      <h2>Webhooks</h2>
      <p className="muted small">
        Each event is POSTed as JSON with <code>KDS-Signature: t=…,v1=…</code> (HMAC-SHA256 of
        “t.body” with the endpoint's secret) and retried until it is answered with 2xx.
      </p>
      <ul className="plain">
        {endpoints.data?.map((e) => (
          <li key={e.id}>
            <code>{e.url}</code> · {e.eventTypes.join(', ')} · secret {e.secretHint}{' '}
            <button
              className="btn btn--small btn--danger"
              onClick={async () => {
                await client.webhook.remove.mutate({ endpointId: e.id });
                await refresh();
              }}
            >
              Remove
            </button>
          </li>
        ))}
        {endpoints.data?.length === 0 && <li className="muted">No endpoints.</li>}
      </ul>
      <form className="filters" onSubmit={add}>
        <label className="field field--grow">
          <span>Endpoint URL</span>
          <input name="url" type="url" required placeholder="https://pos.example.com/kds" />
        </label>
        <label className="field field--grow">
          <span>Event types (comma-separated, * for all)</span>
          <input name="types" defaultValue="order.placed, ticket.bumped, order.completed" />
        </label>
        <button className="btn">Add endpoint</button>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <p className="notice" role="status">
          Signing secret (shown once): <code>{secret}</code>
        </p>
      )}
    </section>
  );
}
