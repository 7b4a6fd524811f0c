import { useTranslation } from '@kds/i18n/react';
import { FilterSelect } from '../shared/filter-select.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Inputs } from '../shared/types.ts';

export type Filters = Omit<Inputs['order']['list'], 'cursor' | 'limit'>;
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
const PAYMENTS = [
  'paid',
  'at_counter',
  'pending',
  'unpaid',
  'refunded',
  'partially_refunded',
  'failed',
] as const satisfies NonNullable<Filters['paymentStatus']>[];
const FULFILMENTS = ['dine_in', 'pickup', 'delivery'] as const;

/** Search and narrow the orders: number, name or phone; status, payment, kind and days. */
export function OrderFilters({
  filters,
  set,
  search,
  setSearch,
}: {
  filters: Filters;
  set: <K extends keyof Filters>(key: K, value: Filters[K] | '') => void;
  search: string;
  setSearch: (search: string) => void;
}) {
  const { t } = useTranslation('admin');
  const { fulfilmentWord, paymentWord, statusWord } = useAdminFormat();
  return (
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
      <FilterSelect
        label={t('orders.status')}
        any={t('orders.any')}
        value={filters.status?.[0]}
        options={STATUSES}
        word={statusWord}
        onChange={(status) => set('status', status ? [status] : '')}
      />
      <FilterSelect
        label={t('orders.payment')}
        any={t('orders.any')}
        value={filters.paymentStatus}
        options={PAYMENTS}
        word={paymentWord}
        onChange={(payment) => set('paymentStatus', payment ?? '')}
      />
      <FilterSelect
        label={t('orders.type')}
        any={t('orders.any')}
        value={filters.fulfilment}
        options={FULFILMENTS}
        word={fulfilmentWord}
        onChange={(kind) => set('fulfilment', kind ?? '')}
      />
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
  );
}
