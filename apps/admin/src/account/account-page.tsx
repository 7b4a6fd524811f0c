import { ChoosePassword, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Outputs } from '../shared/types.ts';

type Me = Outputs['store']['mine'];

/** One's own account: who it is, its password, where it is signed in, invitations to it. */
export function AccountPage({ me, onIdentityChange }: { me: Me; onIdentityChange: () => void }) {
  const trpc = useTRPC();
  const [changed, setChanged] = useState(false);
  const everywhere = useMutation(
    trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: onIdentityChange }),
  );
  return (
    <>
      <header className="page-head">
        <h1>My account</h1>
        <p className="muted">
          {me.staff?.name} · {me.staff?.email}. Your account is yours: stores you work at manage
          only your place with them.
        </p>
      </header>
      <section className="card">
        {changed && (
          <p className="notice" role="status">
            Password changed. Every other device you were signed in on is signed out.
          </p>
        )}
        <ChoosePassword
          title="Change my password"
          intro="You need your current password. Every other device signed in as you is signed out."
          onDone={() => setChanged(true)}
        />
      </section>
      <section className="card" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">Signed in somewhere else?</h2>
        <p className="muted">Ends every session of your account, this one included.</p>
        {everywhere.error && (
          <p className="notice notice--error" role="alert">
            {everywhere.error.message}
          </p>
        )}
        <button className="btn btn--danger" onClick={() => everywhere.mutate()}>
          Sign me out everywhere
        </button>
      </section>
    </>
  );
}
