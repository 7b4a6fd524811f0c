import { useTranslation } from '@kds/i18n/react';
import { BoardPage } from './board/board-page.tsx';
import { CheckoutPage } from './checkout/checkout-page.tsx';
import { MenuPage } from './menu/menu-page.tsx';
import { parseRoute, usePathname } from './shared/route.ts';
import { TrackPage } from './track/track-page.tsx';
import { useKiosk } from './shared/kiosk.ts';

export function App() {
  const { t } = useTranslation('guest');
  const route = parseRoute(usePathname());
  useKiosk(route);
  switch (route.page) {
    case 'menu':
      return <MenuPage storeSlug={route.storeSlug} />;
    case 'checkout':
      return <CheckoutPage storeSlug={route.storeSlug} />;
    case 'track':
      return <TrackPage token={route.token} />;
    case 'board':
      return <BoardPage storeSlug={route.storeSlug} />;
    case 'none':
      return <p className="page">{t('scanToOrder')}</p>;
  }
}
