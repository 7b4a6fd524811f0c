import { formatMoney } from '@kds/ui';
import type { Preview } from '../shared/types.ts';
import { cartActions, type Cart } from './cart.ts';
import type { ProblemMap } from '@kds/ui';

/** The cart as the server priced it, with quantity controls and each line's problem. */
export function CartLines(props: {
  storeSlug: string;
  cart: Cart;
  preview: Preview | undefined;
  problems: ProblemMap;
}) {
  const { cart, preview, problems } = props;
  const actions = cartActions(props.storeSlug);
  const currency = preview?.currency ?? 'USD';
  return (
    <ul className="lines" aria-label="Your order">
      {cart.lines.map((line, index) => {
        const priced = preview?.lines[index];
        const problem = problems[`items.${index}`];
        // The menu changed since this went in the cart: the server's price is the one paid.
        const repriced =
          priced && !problem && priced.unitPriceCents !== line.unitPriceCents
            ? priced.unitPriceCents
            : null;
        return (
          <li
            key={line.key}
            className={problem ? 'has-problem' : repriced !== null ? 'has-change' : ''}
          >
            <div className="line__main">
              <strong>{line.name}</strong>
              {line.modifierNames.length > 0 && (
                <span className="muted">{line.modifierNames.join(', ')}</span>
              )}
              {line.notes && <span className="muted">“{line.notes}”</span>}
              {problem && (
                <span className="problem" role="alert">
                  {problem}
                </span>
              )}
            </div>
            <div className="qty" role="group" aria-label={`Quantity of ${line.name}`}>
              <button
                type="button"
                className="round"
                aria-label={`One less ${line.name}`}
                onClick={() => actions.setQuantity(line.key, line.quantity - 1)}
              >
                −
              </button>
              <output>{line.quantity}</output>
              <button
                type="button"
                className="round"
                aria-label={`One more ${line.name}`}
                onClick={() => actions.setQuantity(line.key, line.quantity + 1)}
              >
                +
              </button>
            </div>
            <span className="price">
              {priced ? formatMoney(priced.lineTotalCents, currency) : '…'}
            </span>
            {repriced !== null && (
              <span className="repriced" role="status">
                Price changed: now {formatMoney(repriced, currency)} each (was{' '}
                {formatMoney(line.unitPriceCents, currency)})
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
