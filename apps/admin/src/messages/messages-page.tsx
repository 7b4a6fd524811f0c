import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useInfiniteQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Problem } from '../shared/states.tsx';
import type { Inputs } from '../shared/types.ts';

type Filters = Omit<Inputs['outbox']['list'], 'cursor' | 'limit'>;

/**
 * Everything that left (or tried to): texts, calls, email, webhooks, refunds, print jobs. Without Twilio
 * or SMTP settings this is where messages are "delivered" (recorded, not sent).
 */
export function MessagesPage() {
  const { t } = useTranslation('admin');
  const { dateTime, duration, messageLabel, messageStatus } = useAdminFormat();
  const trpc = useTRPC();
  const retry = useMutation(trpc.outbox.retry.mutationOptions());
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
        <h1>{t('messages.title')}</h1>
        <p className="muted">{t('messages.intro')}</p>
      </header>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t('messages.status')}</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                status: (e.target.value || undefined) as Filters['status'],
              }))
            }
          >
            <option value="">{t('messages.any')}</option>
            {(['failed', 'pending', 'sending', 'sent', 'recorded', 'canceled'] as const).map(
              (status) => (
                <option key={status} value={status}>
                  {t(`messages.statuses.${status}`)}
                </option>
              ),
            )}
          </select>
        </label>
        <label className="field">
          <span>{t('messages.kind')}</span>
          <select
            value={filters.channel ?? ''}
            onChange={(e) =>
              setFilters((f) => ({
                ...f,
                channel: (e.target.value || undefined) as Filters['channel'],
              }))
            }
          >
            <option value="">{t('messages.any')}</option>
            {(['sms', 'call', 'email', 'webhook', 'refund', 'print'] as const).map((channel) => (
              <option key={channel} value={channel}>
                {t(`messages.channels.${channel}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error && <Problem error={list.error} />}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('messages.when')}</th>
              <th scope="col">{t('messages.kind')}</th>
              <th scope="col">{t('messages.what')}</th>
              <th scope="col">{t('messages.to')}</th>
              <th scope="col">{t('messages.status')}</th>
              <th scope="col">{t('messages.provider')}</th>
              <th scope="col">
                <span className="sr-only">{t('messages.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>{dateTime(m.sentAt ?? m.createdAt)}</td>
                <td>
                  <span className="badge">{t(`messages.channels.${m.channel}`)}</span>
                </td>
                <td>
                  {messageLabel(m.template, m.label)}
                  {m.orderId && (
                    <div className="small">
                      <Link href={`/orders/${m.orderId}`}>{t('messages.order')}</Link>
                    </div>
                  )}
                </td>
                <td className="break">{m.recipient}</td>
                <td>
                  <span className={`state-pill state-pill--${m.status}`}>
                    {messageStatus(m.status)}
                  </span>
                  <div className="small muted">
                    {t('messages.tries', { count: m.attempts })}
                    {m.status === 'pending' &&
                      m.attempts > 0 &&
                      t('messages.next', { time: dateTime(m.nextAttemptAt) })}
                  </div>
                  {/* What the provider (Twilio, the mail server, a webhook's receiver) answered, as it said it. */}
                  {m.error && (
                    <div className="small error-text" lang="en">
                      {m.error}
                    </div>
                  )}
                </td>
                <td className="small">
                  {m.providerId?.startsWith('recorded-') ? (
                    <span className="muted">{t('messages.recorded')}</span>
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
                        await retry.mutateAsync({ messageId: m.id });
                        await queryClient.invalidateQueries(trpc.outbox.pathFilter());
                      }}
                    >
                      {t('messages.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('messages.nothing')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <button className="btn" onClick={() => void list.fetchNextPage()}>
          {t('messages.loadMore')}
        </button>
      )}
    </>
  );
}
