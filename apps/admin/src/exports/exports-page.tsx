import { useState } from 'react';
import { useSearch } from 'wouter';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Downloads, streamed by the server: a year of orders as CSV, JSON or PDF; QR code sheets. */
export function ExportsPage() {
  const params = new URLSearchParams(useSearch());
  const [range, setRange] = useState({
    from: params.get('from') ?? isoDay(new Date(Date.now() - 29 * 86_400_000)),
    to: params.get('to') ?? isoDay(new Date()),
  });
  const [tables, setTables] = useState('1-12');
  const query = `from=${range.from}&to=${range.to}`;
  return (
    <>
      <header className="page-head">
        <h1>Exports</h1>
        <p className="muted">Business days in the store's time zone, both ends included.</p>
      </header>
      <section className="card" aria-labelledby="orders-export">
        <h2 id="orders-export">Orders and order items</h2>
        <div className="filters">
          <label className="field">
            <span>From</span>
            <input
              type="date"
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.target.value })}
            />
          </label>
          <label className="field">
            <span>To</span>
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
                <th scope="row">{kind === 'orders' ? 'Orders' : 'Order items'}</th>
                {(['csv', 'json', 'pdf'] as const).map((format) => (
                  <td key={format}>
                    <a
                      className="btn btn--small"
                      href={`/exports/${kind}.${format}?${query}`}
                      download
                    >
                      {kind === 'orders' ? 'Orders' : 'Items'} {format.toUpperCase()}
                    </a>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="qr-title">
        <h2 id="qr-title">QR codes</h2>
        <p className="muted small">
          A printable sheet: the store's order code, and one per table that fills in the table.
        </p>
        <div className="filters">
          <label className="field field--grow">
            <span>Tables (e.g. 1-12, patio)</span>
            <input value={tables} onChange={(e) => setTables(e.target.value)} />
          </label>
          <a
            className="btn btn--primary"
            href={`/qr/sheet.pdf?tables=${encodeURIComponent(tables)}`}
            target="_blank"
            rel="noreferrer"
          >
            Open QR sheet (PDF)
          </a>
        </div>
      </section>
    </>
  );
}
