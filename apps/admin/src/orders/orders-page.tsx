import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC, useTRPCClient } from '@kds/ui';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Problem } from '../shared/states.tsx';
import type { Inputs } from '../shared/types.ts';

type Filters = Omit<Inputs['order']['list'], 'cursor' | 'limit'>;
type Status = NonNullable<Filters['status']>[number];

const STATUSES: Status[] = [
  'PENDING_PAYMENT',
  'PLACED',
  'PREPARING',
  'READY',
  'COMPLETED',
  'CANCELED',
  'EXPIRED',
];

/** Every order of the store, newest first; new ones appear by themselves (see useLiveStore). */
export function OrdersPage() {
  const { t } = useTranslation('admin');
  const { dateTime, fulfilmentWord, money, paymentWord, statusWord } = useAdminFormat();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const query = {
    ...filters,
    ...(useDeferredValue(search).trim() ? { search: search.trim() } : {}),
  };
  const list = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(
      { ...query, limit: 50 },
      { getNextPageParam: (page) => page.next ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.orders) ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | '') =>
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));

  return (
    <>
      <header className="page-head">
        <h1>{t('orders.title')}</h1>
      </header>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field field--grow">
          <span>{t('orders.search')}</span>
          <input
            type="search"
            placeholder={t('orders.searchHint')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('orders.status')}</span>
          <select
            value={filters.status?.[0] ?? ''}
            onChange={(e) => set('status', e.target.value ? [e.target.value as Status] : '')}
          >
            <option value="">{t('orders.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusWord(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('orders.payment')}</span>
          <select
            value={filters.paymentStatus ?? ''}
            onChange={(e) => set('paymentStatus', e.target.value as Filters['paymentStatus'])}
          >
            <option value="">{t('orders.any')}</option>
            {[
              'paid',
              'at_counter',
              'pending',
              'unpaid',
              'refunded',
              'partially_refunded',
              'failed',
            ].map((p) => (
              <option key={p} value={p}>
                {paymentWord(p)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('orders.type')}</span>
          <select
            value={filters.fulfilment ?? ''}
            onChange={(e) => set('fulfilment', e.target.value as Filters['fulfilment'])}
          >
            <option value="">{t('orders.any')}</option>
            {(['dine_in', 'pickup', 'delivery'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {fulfilmentWord(kind)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('orders.from')}</span>
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('orders.to')}</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
      </form>
      <BulkActions selected={[...selected]} onDone={() => setSelected(new Set())} />
      {list.error && <Problem error={list.error} />}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('orders.select')}</span>
              </th>
              <th scope="col">{t('orders.number')}</th>
              <th scope="col">{t('orders.placed')}</th>
              <th scope="col">{t('orders.customer')}</th>
              <th scope="col">{t('orders.type')}</th>
              <th scope="col">{t('orders.items')}</th>
              <th scope="col" className="num">
                {t('orders.total')}
              </th>
              <th scope="col">{t('orders.payment')}</th>
              <th scope="col">{t('orders.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id} aria-selected={selected.has(o.id)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('orders.selectOrder', { number: o.number })}
                    checked={selected.has(o.id)}
                    onChange={() => toggle(o.id)}
                  />
                </td>
                <td>
                  <Link href={`/orders/${o.id}`} className="order-link">
                    #{o.number}
                  </Link>
                  <div className="muted small">{o.businessDate}</div>
                </td>
                <td>{dateTime(o.placedAt ?? o.createdAt)}</td>
                <td>
                  {o.customerName}
                  {o.customerPhone && <div className="muted small">{o.customerPhone}</div>}
                </td>
                <td>
                  {fulfilmentWord(o.fulfilment)}
                  {o.tableLabel && t('orders.table', { table: o.tableLabel })}
                </td>
                <td>{o.items}</td>
                <td className="num">{money(o.totalCents)}</td>
                <td>{paymentWord(o.paymentStatus)}</td>
                <td>
                  <span className={`status status--${o.status.toLowerCase()}`}>
                    {statusWord(o.status)}
                  </span>
                </td>
              </tr>
            ))}
            {rows.length === 0 && !list.isPending && (
              <tr>
                <td colSpan={9} className="muted">
                  {t('orders.noneMatch')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <button
          className="btn"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('orders.loading') : t('orders.loadMore')}
        </button>
      )}
    </>
  );
}

/** The same verb on several orders; each succeeds or says why not, on its own. */
function BulkActions({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<string | null>(null);
  if (selected.length === 0 && !report) return null;

  const run = async (name: string, action: (orderId: string) => Promise<unknown>) => {
    const results = await Promise.allSettled(selected.map(action));
    const failed = results.flatMap((r) =>
      r.status === 'rejected' ? [messageFor(r.reason, tc)] : [],
    );
    const done = results.length - failed.length;
    setReport(
      failed.length
        ? t('orders.bulkRefused', {
            name,
            done,
            refused: failed.length,
            reasons: [...new Set(failed)].join('; '),
          })
        : t('orders.bulkDone', { name, done }),
    );
    await queryClient.invalidateQueries(trpc.order.pathFilter());
    onDone();
  };

  return (
    <div className="bulk" role="region" aria-label={t('orders.bulk')}>
      {selected.length > 0 && (
        <>
          <span>{t('orders.selected', { count: selected.length })}</span>
          <button
            className="btn"
            onClick={() =>
              void run(t('orders.completed'), (orderId) =>
                client.order.complete.mutate({ orderId }),
              )
            }
          >
            {t('orders.markCompleted')}
          </button>
          <button
            className="btn btn--danger"
            onClick={() => {
              const reason = window.prompt(t('orders.cancelWhy'));
              if (reason?.trim()) {
                void run(t('orders.canceled'), (orderId) =>
                  client.order.cancel.mutate({ orderId, reason }),
                );
              }
            }}
          >
            {t('orders.cancelRefund')}
          </button>
        </>
      )}
      {report && (
        <p role="status" className="bulk__report">
          {report}{' '}
          <button className="btn btn--quiet" onClick={() => setReport(null)}>
            {t('orders.dismiss')}
          </button>
        </p>
      )}
    </div>
  );
}
