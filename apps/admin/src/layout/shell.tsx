import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import type { Outputs } from '../shared/types.ts';
import { MyInvitations } from '../account/my-invitations.tsx';
import { ServiceNotices } from './service-notices.tsx';
import { useLiveStore } from './use-live-store.ts';

type Me = Outputs['store']['mine'];

const NAV = [
  { href: '/', label: 'dashboard' },
  { href: '/orders', label: 'orders' },
  { href: '/new-order', label: 'newOrder' },
  { href: '/menu', label: 'menu' },
  { href: '/discounts', label: 'discounts' },
  { href: '/reports', label: 'reports' },
  { href: '/exports', label: 'exports' },
  { href: '/screens', label: 'screens' },
  { href: '/messages', label: 'messages' },
  { href: '/staff', label: 'staff' },
  { href: '/settings', label: 'settings' },
  { href: '/integrations', label: 'integrations' },
  { href: '/privacy', label: 'privacy' },
] as const;

function NavLink({ href, label }: { href: string; label: string }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const active = exact || (href !== '/' && nested);
  return (
    <Link
      href={href}
      className={`nav__link${active ? ' nav__link--active' : ''}`}
      aria-current={active ? 'page' : undefined}
    >
      {label}
    </Link>
  );
}

/** The console's frame: navigation, the store in use (switchable), who is signed in, live state. */
export function Shell({
  me,
  onIdentityChange,
  children,
}: {
  me: Me;
  onIdentityChange: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const switchStore = useMutation(
    trpc.store.switch.mutationOptions({ onSuccess: onIdentityChange }),
  );
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: onIdentityChange }));
  const { live } = useLiveStore();
  return (
    <div className="shell">
      <aside className="shell__side">
        <div className="brand">{t('brand')}</div>
        <label className="field field--compact">
          <span>{t('shell.store')}</span>
          <select
            value={me.store?.id ?? ''}
            onChange={(e) => switchStore.mutate({ storeId: e.target.value })}
          >
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <nav className="nav" aria-label={t('shell.sections')}>
          {NAV.map((item) => (
            <NavLink key={item.href} href={item.href} label={t(`shell.nav.${item.label}`)} />
          ))}
          {me.role === 'owner' && <NavLink href="/audit" label={t('shell.nav.audit')} />}
          {me.role === 'owner' && <NavLink href="/stores/new" label={t('shell.nav.openStore')} />}
        </nav>
        <div className="shell__foot">
          <span className={`live${live ? ' live--on' : ''}`} role="status">
            <span className="live__dot" aria-hidden="true" />
            {live ? t('shell.live') : t('shell.reconnecting')}
          </span>
          <Link href="/account" className="shell__me">
            {t('shell.me', { name: me.staff?.name ?? '', role: t(`roles.${me.role}`) })}
          </Link>
          <button className="btn btn--quiet" onClick={() => logout.mutate()}>
            {t('shell.signOut')}
          </button>
          <span className="shell__version">{t('shell.version', { version: me.version })}</span>
        </div>
      </aside>
      <main className="shell__main">
        <ServiceNotices services={me.services} />
        <MyInvitations onJoined={onIdentityChange} />
        {children}
      </main>
    </div>
  );
}
