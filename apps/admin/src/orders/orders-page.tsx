import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import { Problem } from '../shared/states.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { OrderFilters, type Filters } from './order-filters.tsx';

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
      <OrderFilters filters={filters} set={set} search={search} setSearch={setSearch} />
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
