import { formatClock, formatMoney, ItemSheet } from '@kds/ui';
import { useState } from 'react';
import { cartActions, cartCount, useCart } from '../checkout/cart.ts';
import { navigate, queryParam } from '../shared/route.ts';
import type { MenuItem } from '../shared/types.ts';
import { useLiveMenu } from './use-live-menu.ts';
import { AddingBanner } from './adding-banner.tsx';
import { OrderingBanner } from './ordering-banner.tsx';

export function MenuPage({ storeSlug }: { storeSlug: string }) {
  const menu = useLiveMenu(storeSlug);
  const cart = useCart(storeSlug);
  const [open, setOpen] = useState<MenuItem | null>(null);
  const table = queryParam('table');

  if (menu.error) return <p className="page">This store could not be found.</p>;
  if (!menu.data) return <p className="page">Loading the menu…</p>;
  const { store, categories } = menu.data;
  const count = cartCount(cart);

  return (
    <div className="page page--menu">
      <header className="store-head">
        <h1>{store.name}</h1>
        {table && <p className="pill">Table {table}</p>}
        {!store.opening.isOpen && (
          <p className="closed" role="status">
            Closed now.
            {store.opening.nextOpenAt &&
              ` Opens ${formatClock(store.opening.nextOpenAt, store.timezone)}; you can order for later.`}
          </p>
        )}
        <OrderingBanner store={store} />
      </header>
      <AddingBanner storeSlug={storeSlug} />
      <nav className="cats" aria-label="Categories">
        {categories.map((c) => (
          <a key={c.id} href={`#cat-${c.id}`}>
            {c.name}
          </a>
        ))}
      </nav>
      {categories.map((c) => (
        <section key={c.id} id={`cat-${c.id}`} aria-labelledby={`h-${c.id}`}>
          <h2 id={`h-${c.id}`}>{c.name}</h2>
          <ul className="items">
            {c.items.map((item) => (
              <li key={item.id} className={`item ${item.isAvailable ? '' : 'is-out'}`}>
                {item.imageUrl && (
                  <img className="item__img" src={item.imageUrl} alt="" loading="lazy" />
                )}
                <div className="item__text">
                  <h3>{item.name}</h3>
                  <p className="muted">{item.description}</p>
                  {item.allergens.length > 0 && (
                    <p className="allergens">Contains: {item.allergens.join(', ')}</p>
                  )}
                </div>
                <div className="item__buy">
                  <span className="price">{formatMoney(item.priceCents, store.currency)}</span>
                  {item.isAvailable ? (
                    <button
                      type="button"
                      className="add"
                      aria-label={`Add ${item.name} to cart`}
                      onClick={() => setOpen(item)}
                    >
                      Add
                    </button>
                  ) : (
                    <span className="sold-out">Sold out</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {count > 0 && (
        <button
          type="button"
          className="cart-bar"
          onClick={() => navigate(`/order/${storeSlug}/checkout`)}
        >
          View cart ({count}) · Checkout
        </button>
      )}
      {open && (
        <ItemSheet
          item={open}
          currency={store.currency}
          onClose={() => setOpen(null)}
          onAdd={(choice) => {
            cartActions(storeSlug).add({ menuItemId: open.id, name: open.name, ...choice });
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
