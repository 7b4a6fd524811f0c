import { useTranslation } from '@kds/i18n/react';
import { useFormat } from '../regional.tsx';
import type { Menu, MenuItem } from './types.ts';

/**
 * The menu as big buttons, a section per category: an item without choices goes on the order
 * in one tap, one with choices opens its sheet. Sold-out items stay visible and say so.
 */
export function MenuGrid({ menu, onPick }: { menu: Menu; onPick(item: MenuItem): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = menu.store.currency;
  return (
    <div className="entry__menu">
      {menu.categories.map((category) => (
        <section key={category.id} aria-labelledby={`entry-cat-${category.id}`}>
          <h3 id={`entry-cat-${category.id}`}>{category.name}</h3>
          <div className="entry__items">
            {category.items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="entry__item"
                disabled={!item.isAvailable}
                onClick={() => onPick(item)}
              >
                <span className="entry__item-name">{item.name}</span>
                <span className="entry__item-price">
                  {item.isAvailable ? format.money(item.priceCents, currency) : t('item.soldOut')}
                </span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
