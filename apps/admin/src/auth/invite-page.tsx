import { NewPasswordFields, newPasswordOf, useTRPC } from '@kds/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SignIn } from './sign-in.tsx';

/** The token rides in the link's fragment: browsers never send it to a server or in a Referer. */
const tokenFromLink = () => decodeURIComponent(location.hash.replace(/^#/, ''));

const ROLE_WORDS = { owner: 'an owner', manager: 'a manager', kitchen: 'kitchen staff' } as const;

/**
 * `/admin/invite#<token>`, opened from the invitation email: joins the store with the account
 * that email already has (signing in to it), or creates that account with a password of the
 * invitee's choosing.
 */
export function InvitePage({ onJoined }: { onJoined: () => void }) {
  const trpc = useTRPC();
  const token = tokenFromLink();
  const invitation = useQuery(trpc.invitation.forToken.queryOptions({ token }, { retry: false }));
  const me = useQuery(trpc.store.mine.queryOptions(undefined, { retry: false }));
  const [signingIn, setSigningIn] = useState(false);

  if (invitation.isPending || me.isPending) return <main className="signin">Loading…</main>;
  if (invitation.error) {
    return (
      <main className="signin">
        <section className="card signin__card" aria-labelledby="invite-title">
          <h1 id="invite-title">This invitation link does not work</h1>
          <p>It was used already, withdrawn, or it has expired. Ask the manager for a new one.</p>
          <a href="/admin/">Go to the sign-in page</a>
        </section>
      </main>
    );
  }
  const { storeName, role, email, name } = invitation.data;
  const join = () => {
    history.replaceState(null, '', '/admin/');
    onJoined();
  };
  if (signingIn && !me.data) {
    return (
      <SignIn
        onSignedIn={() => void me.refetch()}
        notice={`Sign in as ${email} to join ${storeName}.`}
      />
    );
  }
  return (
    <main className="signin">
      <section className="card signin__card" aria-labelledby="invite-title">
        <h1 id="invite-title">Join {storeName}</h1>
        <p>
          You are invited to work at <strong>{storeName}</strong> as {ROLE_WORDS[role]}. This
          invitation is for <strong>{email}</strong>.
        </p>
        {me.data ? (
          <AcceptAsMe
            token={token}
            myEmail={me.data.staff?.email ?? ''}
            email={email}
            onJoined={join}
          />
        ) : (
          <>
            <CreateAccount token={token} name={name} onJoined={join} />
            <p className="muted">
              Already have a KDS account with {email}?{' '}
              <button className="btn btn--quiet" onClick={() => setSigningIn(true)}>
                Sign in to accept
              </button>
            </p>
          </>
        )}
      </section>
    </main>
  );
}

function AcceptAsMe(props: {
  token: string;
  myEmail: string;
  email: string;
  onJoined: () => void;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: props.onJoined }));
  if (props.myEmail !== props.email) {
    return (
      <p className="notice notice--error" role="alert">
        You are signed in as {props.myEmail}. Sign out, then open this link again and sign in as{' '}
        {props.email}.
      </p>
    );
  }
  return (
    <>
      {accept.error && (
        <p className="notice notice--error" role="alert">
          {accept.error.message}
        </p>
      )}
      <button className="btn btn--primary" onClick={() => accept.mutate({ token: props.token })}>
        Accept and join
      </button>
    </>
  );
}

function CreateAccount(props: { token: string; name: string; onJoined: () => void }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.invitation.signUp.mutationOptions({ onSuccess: props.onJoined }));
  const [mismatch, setMismatch] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = newPasswordOf(form);
    setMismatch(password === null);
    if (password === null) return;
    signUp.mutate({ token: props.token, name: String(form.get('name')), password });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">New to KDS? Create your account</h2>
      {signUp.error && (
        <p className="notice notice--error" role="alert">
          {signUp.error.message}
        </p>
      )}
      <label className="field">
        <span>Your name</span>
        <input name="name" defaultValue={props.name} required maxLength={80} autoComplete="name" />
      </label>
      <NewPasswordFields
        label="Choose a password (10 characters or more)"
        againLabel="The same password again"
        mismatch={mismatch}
      />
      <button className="btn btn--primary" disabled={signUp.isPending}>
        {signUp.isPending ? 'Creating…' : 'Create my account and join'}
      </button>
    </form>
  );
}
