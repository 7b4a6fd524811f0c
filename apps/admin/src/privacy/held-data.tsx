import { useTranslation } from '@kds/i18n/react';
import type { Outputs } from '../shared/types.ts';

type Data = Outputs['privacy']['customerData'];

/** What the store holds about one guest, to download for them; an owner may erase it. */
export function HeldData({ data, erase }: { data: Data; erase: (() => void) | undefined }) {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-label={t('privacy.held')}>
      <h2>
        {t('privacy.summary', {
          orders: t('privacy.orders', { count: data.orders.length }),
          messages: t('privacy.messages', { count: data.messages.length }),
        })}
        {data.textOptOut && t('privacy.stop')}
      </h2>
      <ul className="plain">
        {data.orders.map((o) => (
          <li key={o.id}>
            {t('privacy.order', {
              number: o.number,
              date: o.businessDate,
              name: o.customerName,
              items: o.items.map((i) => `${i.quantity} × ${i.name}`).join(', '),
            })}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button className="btn" onClick={() => download(data)}>
          {t('privacy.download')}
        </button>
        {erase && (
          <button className="btn btn--danger" onClick={erase}>
            {t('privacy.erase')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The guest's data as a JSON file, named for today. */
function download(data: Data) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `guest-data-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}
