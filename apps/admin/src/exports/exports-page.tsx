import { useTranslation } from '@kds/i18n/react';
import { useState } from 'react';
import { useSearch } from 'wouter';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

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
  const [range, setRange] = useState({
    from: params.get('from') ?? isoDay(new Date(Date.now() - 29 * 86_400_000)),
    to: params.get('to') ?? isoDay(new Date()),
  });
  const query = `from=${range.from}&to=${range.to}`;
  return (
    <section className="card" aria-labelledby="orders-export">
      <h2 id="orders-export">{t('exports.ordersTitle')}</h2>
      <div className="filters">
        <label className="field">
          <span>{t('exports.from')}</span>
          <input
            type="date"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label className="field">
          <span>{t('exports.to')}</span>
          <input
            type="date"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
          />
        </label>
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
