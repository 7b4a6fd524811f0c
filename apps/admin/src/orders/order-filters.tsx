import { useTranslation } from '@kds/i18n/react';
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
  );
}
