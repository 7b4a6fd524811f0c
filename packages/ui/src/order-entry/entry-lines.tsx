import { formatMoney } from '../format.ts';
import type { ProblemMap } from './problems.ts';
import type { Preview } from './types.ts';
import type { UseEntryCart } from './use-entry-cart.ts';

/** The order so far, priced by the server, with big quantity buttons and each line's problem. */
export function EntryLines(props: {
  cart: UseEntryCart;
  preview: Preview | undefined;
  problems: ProblemMap;
}) {
  const { cart, preview, problems } = props;
  if (cart.lines.length === 0) {
    return <p className="entry__empty">Tap items on the menu to add them.</p>;
  }
  return (
    <ul className="entry__lines" aria-label="Order lines">
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
            <div className="entry__qty" role="group" aria-label={`Quantity of ${line.name}`}>
              <button
                type="button"
                aria-label={`One less ${line.name}`}
                onClick={() => cart.setQuantity(line.key, line.quantity - 1)}
              >
                −
              </button>
              <output>{line.quantity}</output>
              <button
                type="button"
                aria-label={`One more ${line.name}`}
                onClick={() => cart.setQuantity(line.key, line.quantity + 1)}
              >
                +
              </button>
            </div>
            <span className="entry__price">
              {priced && preview ? formatMoney(priced.lineTotalCents, preview.currency) : '…'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
