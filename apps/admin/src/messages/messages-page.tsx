import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useInfiniteQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FilterSelect } from '../shared/filter-select.tsx';
import { Problem } from '../shared/states.tsx';
import type { Inputs, Outputs } from '../shared/types.ts';
import { MessageRow } from './message-row.tsx';

type Filters = Omit<Inputs['outbox']['list'], 'cursor' | 'limit'>;
type Message = Outputs['outbox']['list']['messages'][number];

const STATUSES = ['failed', 'pending', 'sending', 'sent', 'recorded', 'canceled'] as const;
const CHANNELS = ['sms', 'call', 'email', 'webhook', 'refund', 'print'] as const;

/**
 * Everything that left (or tried to): texts, calls, email, webhooks, refunds, print jobs. Without Twilio
 * or SMTP settings this is where messages are "delivered" (recorded, not sent).
 */
export function MessagesPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
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
        <FilterSelect
          label={t('messages.status')}
          any={t('messages.any')}
          value={filters.status}
          options={STATUSES}
          word={(status) => t(`messages.statuses.${status}`)}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
        />
        <FilterSelect
          label={t('messages.kind')}
          any={t('messages.any')}
          value={filters.channel}
          options={CHANNELS}
          word={(channel) => t(`messages.channels.${channel}`)}
          onChange={(channel) => setFilters((f) => ({ ...f, channel }))}
        />
      </form>
      {list.error && <Problem error={list.error} />}
      <MessagesTable rows={rows} empty={rows.length === 0 && !list.isPending} />
      {list.hasNextPage && (
        <button className="btn" onClick={() => void list.fetchNextPage()}>
          {t('messages.loadMore')}
        </button>
      )}
    </>
  );
}

/** The messages, each with its retry; "nothing" once the list has loaded empty. */
function MessagesTable({ rows, empty }: { rows: Message[]; empty: boolean }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const retry = useMutation(trpc.outbox.retry.mutationOptions());
  const queryClient = useQueryClient();
  return (
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
            <MessageRow
              key={m.id}
              message={m}
              retry={async () => {
                await retry.mutateAsync({ messageId: m.id });
                await queryClient.invalidateQueries(trpc.outbox.pathFilter());
              }}
            />
          ))}
          {empty && (
            <tr>
              <td colSpan={7} className="muted">
                {t('messages.nothing')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
