import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { BulkActions } from './bulk-actions.tsx';
import { OrderFilters, type Filters } from './order-filters.tsx';
import { OrderRow } from './order-row.tsx';

/** Every order of the store, newest first; new ones appear by themselves (see useLiveStore). */
export function OrdersPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const query = {
    ...filters,
    search: useDeferredValue(search).trim() || undefined,
  };
  const list = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(
      { ...query, limit: 50 },
      { getNextPageParam: (page) => page.next ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.orders) ?? [];
  const { selected, toggle, clear } = useSelection();
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | '') =>
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));

  return (
    <>
      <header className="page-head">
        <h1>{t('orders.title')}</h1>
      </header>
      <OrderFilters filters={filters} set={set} search={search} setSearch={setSearch} />
      <BulkActions selected={[...selected]} onDone={clear} />
      {list.error && <Problem error={list.error} />}
      <OrdersTable
        rows={rows}
        selected={selected}
        toggle={toggle}
        empty={rows.length === 0 && !list.isPending}
      />
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

type OrderSummary = Outputs['order']['list']['orders'][number];

/** The orders ticked for a bulk action. */
function useSelection() {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { selected, toggle, clear: () => setSelected(new Set<string>()) };
}

function OrdersTable({
  rows,
  selected,
  toggle,
  empty,
}: {
  rows: OrderSummary[];
  selected: Set<string>;
  toggle(id: string): void;
  /** Nothing matches the filters (not merely still loading). */
  empty: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
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
          {rows.map((order) => (
            <OrderRow
              key={order.id}
              order={order}
              selected={selected.has(order.id)}
              toggle={() => toggle(order.id)}
            />
          ))}
          {empty && (
            <tr>
              <td colSpan={9} className="muted">
                {t('orders.noneMatch')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
