import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '@kds/ui';
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
  const { t } = useTranslation('guest');
  const format = useFormat();
  const { cart, preview, problems } = props;
  const actions = cartActions(props.storeSlug);
  const currency = preview?.currency ?? format.region.currency;
  const money = (amount: number) => format.money(amount, currency);
  return (
    <ul className="lines" aria-label={t('checkout.yourOrder')}>
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
            <QuantityButtons
              name={line.name}
              quantity={line.quantity}
              set={(quantity) => actions.setQuantity(line.key, quantity)}
            />
            <span className="price">{priced ? money(priced.lineTotalCents) : '…'}</span>
            {repriced !== null && (
              <span className="repriced" role="status">
                {t('checkout.repriced', {
                  now: money(repriced),
                  was: money(line.unitPriceCents),
                })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** − and + around a line's quantity; at zero the line leaves the cart. */
function QuantityButtons({
  name,
  quantity,
  set,
}: {
  name: string;
  quantity: number;
  set(quantity: number): void;
}) {
  const { t } = useTranslation('guest');
  return (
    <div className="qty" role="group" aria-label={t('checkout.quantityOf', { item: name })}>
      <button
        type="button"
        className="round"
        aria-label={t('checkout.oneLessOf', { item: name })}
        onClick={() => set(quantity - 1)}
      >
        −
      </button>
      <output>{quantity}</output>
      <button
        type="button"
        className="round"
        aria-label={t('checkout.oneMoreOf', { item: name })}
        onClick={() => set(quantity + 1)}
      >
        +
      </button>
    </div>
  );
}
