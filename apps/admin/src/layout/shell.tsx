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
  { href: '/', label: 'Dashboard' },
  { href: '/orders', label: 'Orders' },
  { href: '/new-order', label: 'New order' },
  { href: '/menu', label: 'Menu' },
  { href: '/discounts', label: 'Discounts' },
  { href: '/reports', label: 'Reports' },
  { href: '/exports', label: 'Exports' },
  { href: '/screens', label: 'Screens' },
  { href: '/messages', label: 'Messages' },
  { href: '/staff', label: 'Staff' },
  { href: '/settings', label: 'Settings' },
  { href: '/integrations', label: 'Integrations' },
  { href: '/privacy', label: 'Privacy' },
];

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
  const trpc = useTRPC();
  const switchStore = useMutation(
    trpc.store.switch.mutationOptions({ onSuccess: onIdentityChange }),
  );
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: onIdentityChange }));
  const { live } = useLiveStore();
  return (
    <div className="shell">
      <aside className="shell__side">
        <div className="brand">KDS Admin</div>
        <label className="field field--compact">
          <span>Store</span>
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
        <nav className="nav" aria-label="Sections">
          {NAV.map((item) => (
            <NavLink key={item.href} {...item} />
          ))}
          {me.role === 'owner' && <NavLink href="/audit" label="Audit log" />}
          {me.role === 'owner' && <NavLink href="/stores/new" label="Open a store" />}
        </nav>
        <div className="shell__foot">
          <span className={`live${live ? ' live--on' : ''}`} role="status">
            <span className="live__dot" aria-hidden="true" />
            {live ? 'Live' : 'Reconnecting…'}
          </span>
          <Link href="/account" className="shell__me">
            {me.staff?.name} · {me.role}
          </Link>
          <button className="btn btn--quiet" onClick={() => logout.mutate()}>
            Sign out
          </button>
          <span className="shell__version">KDS {me.version}</span>
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
