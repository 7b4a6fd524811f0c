import { useAppLanguage, useTranslation } from '@kds/i18n/react';
import { ChoosePassword, isAuthError, StoreRegionProvider, useTRPC } from '@kds/ui';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { AccountPage } from './account/account-page.tsx';
import { InvitePage } from './auth/invite-page.tsx';
import { SignIn } from './auth/sign-in.tsx';
import { FirstRunPage } from './setup/first-run-page.tsx';
import { OpenStorePage } from './setup/open-store-page.tsx';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { Shell } from './layout/shell.tsx';
import { DiscountsPage } from './discounts/discounts-page.tsx';
import { ExportsPage } from './exports/exports-page.tsx';
import { MenuPage } from './menu/menu-page.tsx';
import { PrivacyPage } from './privacy/privacy-page.tsx';
import { MessagesPage } from './messages/messages-page.tsx';
import { NewOrderPage } from './orders/new-order-page.tsx';
import { OrderPage } from './orders/order-page.tsx';
import { OrdersPage } from './orders/orders-page.tsx';
import { ScreensPage } from './screens/screens-page.tsx';
import { SettingsPage } from './settings/settings-page.tsx';
import { IntegrationsPage } from './integrations/integrations-page.tsx';
import { AuditPage } from './staff/audit-page.tsx';
import { StaffPage } from './staff/staff-page.tsx';
import { Loading, Problem } from './shared/states.tsx';
import type { Outputs } from './shared/types.ts';

type Me = Outputs['store']['mine'];

// Charts are the heaviest part of the console: loaded only when Reports is opened.
const ReportsPage = lazy(() =>
  import('./reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })),
);

export function App({ onIdentityChange }: { onIdentityChange: () => void }) {
  const trpc = useTRPC();
  const setup = useQuery(trpc.setup.status.queryOptions());
  // An invitation link is for someone who may not have an account yet: it comes first.
  if (location.pathname.startsWith('/admin/invite'))
    return <InvitePage onJoined={onIdentityChange} />;
  if (setup.isPending) return <Loading />;
  // A fresh install has nobody to sign in: the first-run page creates the owner and a store.
  if (setup.data?.needed) return <FirstRunPage onDone={onIdentityChange} />;
  return <Console onIdentityChange={onIdentityChange} />;
}

function Console({ onIdentityChange }: { onIdentityChange: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.store.mine.queryOptions());
  useAppLanguage(me.data?.language);
  if (me.isPending) return <Loading />;
  if (me.error && isAuthError(me.error)) return <SignIn onSignedIn={onIdentityChange} />;
  if (me.error) return <Problem error={me.error} />;
  if (me.data.mustChangePassword) {
    return (
      <main className="signin">
        <section className="card signin__card">
          <ChoosePassword
            title={tc('password.chooseTitle')}
            intro={t('chooseIntro')}
            onDone={onIdentityChange}
          />
        </section>
      </main>
    );
  }
  if (me.data.role === 'kitchen') {
    return <SignIn onSignedIn={onIdentityChange} notice={t('kitchenAccount')} />;
  }
  const store = me.data.store;
  const region = store
    ? { storeLocale: store.locale, timeZone: store.timezone, currency: store.currency }
    : { storeLocale: 'en-US', timeZone: 'UTC', currency: 'USD' };
  return (
    <StoreRegionProvider region={region}>
      <Router base="/admin">
        <Shell me={me.data} onIdentityChange={onIdentityChange}>
          <Routes me={me.data} onIdentityChange={onIdentityChange} />
        </Shell>
      </Router>
    </StoreRegionProvider>
  );
}

/** The console's pages; a page shows only to whom it is for. */
function Routes({ me, onIdentityChange }: { me: Me; onIdentityChange: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Switch>
      <Route path="/" component={DashboardPage} />
      <Route path="/orders" component={OrdersPage} />
      {me.store && (
        <Route path="/new-order">
          <NewOrderPage store={me.store} />
        </Route>
      )}
      <Route path="/orders/:orderId">{(params) => <OrderPage orderId={params.orderId} />}</Route>
      <Route path="/messages" component={MessagesPage} />
      <Route path="/menu" component={MenuPage} />
      {me.store && (
        <Route path="/discounts">
          <DiscountsPage storeSlug={me.store.slug} />
        </Route>
      )}
      <Route path="/reports">
        <Suspense fallback={<Loading what={t('loadingCharts')} />}>
          <ReportsPage />
        </Suspense>
      </Route>
      <Route path="/exports" component={ExportsPage} />
      <Route path="/privacy">
        <PrivacyPage isOwner={me.role === 'owner'} />
      </Route>
      <Route path="/screens" component={ScreensPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/integrations" component={IntegrationsPage} />
      <Route path="/staff">
        <StaffPage myRole={me.role} myId={me.staff?.id} />
      </Route>
      {me.role === 'owner' && <Route path="/audit" component={AuditPage} />}
      {me.role === 'owner' && (
        <Route path="/stores/new">
          <OpenStorePage onOpened={onIdentityChange} />
        </Route>
      )}
      <Route path="/account">
        <AccountPage me={me} onIdentityChange={onIdentityChange} />
      </Route>
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}
