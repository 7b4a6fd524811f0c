import { useTranslation } from '@kds/i18n/react';
import { ItemSheet, useFormat } from '@kds/ui';
import { useState } from 'react';
import { cartActions, cartCount, useCart } from '../checkout/cart.ts';
import { navigate, queryParam } from '../shared/route.ts';
import type { Menu as MenuData, MenuItem } from '../shared/types.ts';
import { useLiveMenu } from './use-live-menu.ts';
import { AddingBanner } from './adding-banner.tsx';
import { OrderingBanner } from './ordering-banner.tsx';
import { GuestRegion, LanguageSwitcher } from '../shared/guest-language.tsx';

export function MenuPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('guest');
  const menu = useLiveMenu(storeSlug);
  if (menu.error) return <p className="page">{t('storeNotFound')}</p>;
  if (!menu.data) return <p className="page">{t('menu.loading')}</p>;
  return (
    <GuestRegion store={menu.data.store}>
      <Menu storeSlug={storeSlug} menu={menu.data} />
    </GuestRegion>
  );
}

function Menu({ storeSlug, menu }: { storeSlug: string; menu: MenuData }) {
  const { t } = useTranslation('guest');
  const cart = useCart(storeSlug);
  const [open, setOpen] = useState<MenuItem | null>(null);
  const { store, categories } = menu;
  const count = cartCount(cart);

  return (
    <div className="page page--menu">
      <StoreHead store={store} />
      <AddingBanner storeSlug={storeSlug} />
      <nav className="cats" aria-label={t('menu.categories')}>
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
              <MenuItemRow key={item.id} item={item} onAdd={() => setOpen(item)} />
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
          {t('menu.viewCart', { count })}
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

/** The store's name, language switcher, table, and whether it takes orders now. */
function StoreHead({ store }: { store: MenuData['store'] }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  const table = queryParam('table');
  return (
    <header className="store-head">
      <div className="store-head__top">
        <h1>{store.name}</h1>
        <LanguageSwitcher offered={store.guestLanguages} />
      </div>
      {table && <p className="pill">{t('menu.table', { table })}</p>}
      {!store.opening.isOpen && (
        <p className="closed" role="status">
          {t('menu.closed')}
          {store.opening.nextOpenAt &&
            ` ${t('menu.opensAt', { time: format.dayClock(store.opening.nextOpenAt) })}`}
        </p>
      )}
      <OrderingBanner store={store} />
    </header>
  );
}

/** One dish: its picture, text and allergens, its price and the button that opens its sheet. */
function MenuItemRow({ item, onAdd }: { item: MenuItem; onAdd: () => void }) {
  const { t } = useTranslation('guest');
  const format = useFormat();
  return (
    <li className={`item ${item.isAvailable ? '' : 'is-out'}`}>
      {item.imageUrl && <img className="item__img" src={item.imageUrl} alt="" loading="lazy" />}
      <div className="item__text">
        <h3>{item.name}</h3>
        <p className="muted">{item.description}</p>
        {item.allergens.length > 0 && (
          <p className="allergens">
            {t('menu.contains', { allergens: item.allergens.join(', ') })}
          </p>
        )}
      </div>
      <div className="item__buy">
        <span className="price">{format.money(item.priceCents)}</span>
        {item.isAvailable ? (
          <button
            type="button"
            className="add"
            aria-label={t('menu.addItem', { item: item.name })}
            onClick={onAdd}
          >
            {t('menu.add')}
          </button>
        ) : (
          <span className="sold-out">{t('menu.soldOut')}</span>
        )}
      </div>
    </li>
  );
}
