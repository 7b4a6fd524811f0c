import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '../regional.tsx';
import type { ProblemMap } from './problems.ts';
import type { Preview } from './types.ts';
import type { UseEntryCart } from './use-entry-cart.ts';

/** The order so far, priced by the server, with big quantity buttons and each line's problem. */
export function EntryLines(props: {
  cart: UseEntryCart;
  preview: Preview | undefined;
  problems: ProblemMap;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { cart, preview, problems } = props;
  if (cart.lines.length === 0) {
    return <p className="entry__empty">{t('entry.empty')}</p>;
  }
  return (
    <ul className="entry__lines" aria-label={t('entry.lines')}>
      {cart.lines.map((line, index) => {
        const priced = preview?.lines[index];
        const problem = problems[`items.${index}`];
        return (
          <li key={line.key} className={problem ? 'has-problem' : ''}>
            <div className="entry__line-main">
              <strong>{line.name}</strong>
              {line.modifierNames.length > 0 && <span>{line.modifierNames.join(', ')}</span>}
              {line.notes && <span>“{line.notes}”</span>}
              {problem && (
                <span className="entry__problem" role="alert">
                  {problem}
                </span>
              )}
            </div>
            <div
              className="entry__qty"
              role="group"
              aria-label={t('entry.quantityOf', { item: line.name })}
            >
              <button
                type="button"
                aria-label={t('entry.oneLessOf', { item: line.name })}
                onClick={() => cart.setQuantity(line.key, line.quantity - 1)}
              >
                −
              </button>
              <output>{line.quantity}</output>
              <button
                type="button"
                aria-label={t('entry.oneMoreOf', { item: line.name })}
                onClick={() => cart.setQuantity(line.key, line.quantity + 1)}
              >
                +
              </button>
            </div>
            <span className="entry__price">
              {priced && preview ? format.money(priced.lineTotalCents, preview.currency) : '…'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
