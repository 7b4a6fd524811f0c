import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

/** What was ordered, station by station, the sums, and what the guest asked the kitchen. */
export function OrderItems({
  detail,
  currency,
}: {
  detail: Outputs['order']['detail'];
  currency: string | undefined;
}) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const { order } = detail;
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 id="items-title">{t('order.items')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('order.item')}</th>
            <th scope="col">{t('order.station')}</th>
            <th scope="col" className="num">
              {t('order.qty')}
            </th>
            <th scope="col" className="num">
              {t('order.line')}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.items.map((i) => (
            <tr key={i.id}>
              <td>
                {i.name}
                {i.modifiers.length > 0 && (
                  <div className="muted small">{i.modifiers.map((m) => m.name).join(', ')}</div>
                )}
                {i.notes && <div className="small">{t('order.note', { note: i.notes })}</div>}
              </td>
              <td>{i.station ?? '—'}</td>
              <td className="num">{i.quantity}</td>
              <td className="num">{money(i.lineTotalCents, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <Sum label={t('order.subtotal')} cents={order.subtotalCents} currency={currency} />
          {order.discountCents > 0 && (
            <Sum label={t('order.discount')} cents={-order.discountCents} currency={currency} />
          )}
          <Sum label={t('order.tax')} cents={order.taxCents} currency={currency} />
          {order.tipCents > 0 && (
            <Sum label={t('order.tip')} cents={order.tipCents} currency={currency} />
          )}
          <Sum label={t('order.total')} cents={order.totalCents} currency={currency} strong />
        </tfoot>
      </table>
      {order.allergies.length > 0 && (
        <p className="allergy-note">
          {t('order.allergies', { allergies: order.allergies.join(', ') })}
        </p>
      )}
      {order.notes && <p>{t('order.orderNote', { note: order.notes })}</p>}
      {order.cancelReason && <p>{t('order.canceledBecause', { reason: order.cancelReason })}</p>}
    </section>
  );
}

function Sum({
  label,
  cents,
  currency,
  strong,
}: {
  label: string;
  cents: number;
  currency: string | undefined;
  strong?: boolean;
}) {
  const { money } = useAdminFormat();
  return (
    <tr className={strong ? 'sum sum--total' : 'sum'}>
      <td colSpan={3}>{label}</td>
      <td className="num">{money(cents, currency)}</td>
    </tr>
  );
}
