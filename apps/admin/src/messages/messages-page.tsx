import { useTRPC, useTRPCClient } from '@kds/ui';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { dateTime, duration } from '../shared/format.ts';
import { Problem } from '../shared/states.tsx';
import type { Inputs } from '../shared/types.ts';

type Filters = Omit<Inputs['outbox']['list'], 'cursor' | 'limit'>;

/**
 * Everything that left (or tried to): texts, calls, email, webhooks, refunds, print jobs. Without Twilio
 * or SMTP settings this is where messages are "delivered" (recorded, not sent).
 */
export function MessagesPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const list = useInfiniteQuery(
    trpc.outbox.list.infiniteQueryOptions(
      { ...filters, limit: 50 },
      { getNextPageParam: (page) => page.next ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.messages) ?? [];

  return (
    <>
      <header className="page-head">
        <h1>Messages</h1>
        <p className="muted">
          Texts, calls, email, webhooks, refunds and print jobs, newest first.
        </p>
      </header>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Status</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                status: (e.target.value || undefined) as Filters['status'],
              }))
            }
          >
            <option value="">Any</option>
            <option value="failed">Failed</option>
            <option value="pending">Waiting</option>
            <option value="sending">Sending</option>
            <option value="sent">Sent</option>
            <option value="recorded">Recorded, not sent</option>
            <option value="canceled">Not sent</option>
          </select>
        </label>
        <label className="field">
          <span>Kind</span>
          <select
            value={filters.channel ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                channel: (e.target.value || undefined) as Filters['channel'],
              }))
            }
          >
            <option value="">Any</option>
            <option value="sms">Text</option>
            <option value="call">Call</option>
            <option value="email">Email</option>
            <option value="webhook">Webhook</option>
            <option value="refund">Refund</option>
            <option value="print">Print</option>
          </select>
        </label>
      </form>
      {list.error && <Problem error={list.error} />}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Provider</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>{dateTime(m.sentAt ?? m.createdAt)}</td>
                <td>
                  <span className="badge">{m.channel}</span>
                </td>
                <td>
                  {m.label}
                  {m.orderId && (
                    <div className="small">
                      <Link href={`/orders/${m.orderId}`}>order</Link>
                    </div>
                  )}
                </td>
                <td className="break">{m.recipient}</td>
                <td>
                  <span className={`state-pill state-pill--${m.status}`}>
                    {statusLabel(m.status)}
                  </span>
                  <div className="small muted">
                    {m.attempts} {m.attempts === 1 ? 'try' : 'tries'}
                    {m.status === 'pending' &&
                      m.attempts > 0 &&
                      `, next ${dateTime(m.nextAttemptAt)}`}
                  </div>
                  {m.error && <div className="small error-text">{m.error}</div>}
                </td>
                <td className="small">
                  {m.providerId?.startsWith('recorded-') ? (
                    <span className="muted">recorded, not sent</span>
                  ) : (
                    m.providerId
                  )}
                  {m.providerStatus && <div>{m.providerStatus}</div>}
                  {m.durationSeconds !== null && <div>{duration(m.durationSeconds)}</div>}
                  {m.costMicros !== null && <div>${(m.costMicros / 1_000_000).toFixed(4)}</div>}
                </td>
                <td>
                  {m.status === 'failed' && (
                    <button
                      className="btn btn--small"
                      onClick={async () => {
                        await client.outbox.retry.mutate({ messageId: m.id });
                        await queryClient.invalidateQueries(trpc.outbox.pathFilter());
                      }}
                    >
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr>
                <td colSpan={7} className="muted">
                  Nothing here.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <button className="btn" onClick={() => void list.fetchNextPage()}>
          Load more
        </button>
      )}
    </>
  );
}

/** A message's status in the manager's words: "recorded" means no provider is connected. */
function statusLabel(status: string): string {
  if (status === 'recorded') return 'recorded, not sent';
  if (status === 'canceled') return 'not sent';
  return status;
}
