import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '../regional.tsx';
import type { Preview } from './types.ts';

/** The server's totals for an order being put together (never the screen's own sums). */
export function Totals({ preview }: { preview: Preview | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!preview) return null;
  const totals = preview.totals;
  const money = (amount: number) => format.money(amount, preview.currency);
  return (
    <dl className="totals">
      <dt>{t('totals.subtotal')}</dt>
      <dd>{money(totals.subtotalCents)}</dd>
      {totals.discountCents > 0 && (
        <>
          <dt>{t('totals.discount')}</dt>
          <dd>−{money(totals.discountCents)}</dd>
        </>
      )}
      <dt>{t('totals.tax')}</dt>
      <dd>{money(totals.taxCents)}</dd>
      {totals.tipCents > 0 && (
        <>
          <dt>{t('totals.tip')}</dt>
          <dd>{money(totals.tipCents)}</dd>
        </>
      )}
      <dt className="total">{t('totals.total')}</dt>
      <dd className="total">{money(totals.totalCents)}</dd>
    </dl>
  );
}
