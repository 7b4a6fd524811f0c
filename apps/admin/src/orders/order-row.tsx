import { useTranslation } from '@kds/i18n/react';
import { Link } from 'wouter';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Order = Outputs['order']['list']['orders'][number];

/** One order in the list, with its box for the bulk actions. */
export function OrderRow({
  order: o,
  selected,
  toggle,
}: {
  order: Order;
  selected: boolean;
  toggle: () => void;
}) {
  const { t } = useTranslation('admin');
  const { dateTime, fulfilmentWord, money, paymentWord, statusWord } = useAdminFormat();
  return (
    <tr aria-selected={selected}>
      <td>
        <input
          type="checkbox"
          aria-label={t('orders.selectOrder', { number: o.number })}
          checked={selected}
          onChange={toggle}
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
        <span className={`status status--${o.status.toLowerCase()}`}>{statusWord(o.status)}</span>
      </td>
    </tr>
  );
}
