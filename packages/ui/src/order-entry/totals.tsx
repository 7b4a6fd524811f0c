import { formatMoney } from '../format.ts';
import type { Preview } from './types.ts';

/** The server's totals for an order being put together (never the screen's own sums). */
export function Totals({ preview }: { preview: Preview | undefined }) {
  if (!preview) return null;
  const t = preview.totals;
  const money = (c: number) => formatMoney(c, preview.currency);
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd>{money(t.subtotalCents)}</dd>
      {t.discountCents > 0 && (
        <>
          <dt>Discount</dt>
          <dd>−{money(t.discountCents)}</dd>
        </>
      )}
      <dt>Tax</dt>
      <dd>{money(t.taxCents)}</dd>
      {t.tipCents > 0 && (
        <>
          <dt>Tip</dt>
          <dd>{money(t.tipCents)}</dd>
        </>
      )}
      <dt className="total">Total</dt>
      <dd className="total">{money(t.totalCents)}</dd>
    </dl>
  );
}
