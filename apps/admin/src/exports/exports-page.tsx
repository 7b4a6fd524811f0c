import { useTranslation } from '@kds/i18n/react';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { DayRangeFields, lastDays } from '../shared/date-range.tsx';

/** Downloads, streamed by the server: a year of orders as CSV, JSON or PDF; QR code sheets. */
export function ExportsPage() {
  const { t } = useTranslation('admin');
  return (
    <>
      <header className="page-head">
        <h1>{t('exports.title')}</h1>
        <p className="muted">{t('exports.intro')}</p>
      </header>
      <OrdersExport />
      <QrSheet />
    </>
  );
}

/** The orders, or their items, of a range of days (from the reports page's, if it sent one). */
function OrdersExport() {
  const { t } = useTranslation('admin');
  const params = new URLSearchParams(useSearch());
  const [range, setRange] = useState(() => {
    const month = lastDays(30);
    return { from: params.get('from') ?? month.from, to: params.get('to') ?? month.to };
  });
  const query = `from=${range.from}&to=${range.to}`;
  return (
    <section className="card" aria-labelledby="orders-export">
      <h2 id="orders-export">{t('exports.ordersTitle')}</h2>
      <div className="filters">
        <DayRangeFields
          range={range}
          setRange={setRange}
          labels={{ from: t('exports.from'), to: t('exports.to') }}
        />
      </div>
      <table className="table">
        <tbody>
          {(['orders', 'order-items'] as const).map((kind) => (
            <tr key={kind}>
              <th scope="row">
                {kind === 'orders' ? t('exports.orders') : t('exports.orderItems')}
              </th>
              {(['csv', 'json', 'pdf'] as const).map((format) => (
                <td key={format}>
                  <a
                    className="btn btn--small"
                    href={`/exports/${kind}.${format}?${query}`}
                    download
                  >
                    {t(kind === 'orders' ? 'exports.ordersFile' : 'exports.itemsFile', {
                      format: format.toUpperCase(),
                    })}
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A printable sheet of QR codes, one per table, for the tables typed ("1-12, 20"). */
function QrSheet() {
  const { t } = useTranslation('admin');
  const [tables, setTables] = useState('1-12');
  return (
    <section className="card" aria-labelledby="qr-title">
      <h2 id="qr-title">{t('exports.qrTitle')}</h2>
      <p className="muted small">{t('exports.qrIntro')}</p>
      <div className="filters">
        <label className="field field--grow">
          <span>{t('exports.tables')}</span>
          <input value={tables} onChange={(e) => setTables(e.target.value)} />
        </label>
        <a
          className="btn btn--primary"
          href={`/qr/sheet.pdf?tables=${encodeURIComponent(tables)}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('exports.openQr')}
        </a>
      </div>
    </section>
  );
}
