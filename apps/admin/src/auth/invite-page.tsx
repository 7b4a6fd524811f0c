import { Trans, useTranslation } from '@kds/i18n/react';
import { messageFor, NewPasswordFields, newPasswordOf, useTRPC } from '@kds/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SignIn } from './sign-in.tsx';
import { ErrorNotice } from '../shared/feedback.tsx';

/** The token rides in the link's fragment: browsers never send it to a server or in a Referer. */
const tokenFromLink = () => decodeURIComponent(location.hash.replace(/^#/, ''));

/**
 * `/admin/invite#<token>`, opened from the invitation email: joins the store with the account
 * that email already has (signing in to it), or creates that account with a password of the
 * invitee's choosing.
 */
export function InvitePage({ onJoined }: { onJoined: () => void }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const token = tokenFromLink();
  const invitation = useQuery(trpc.invitation.forToken.queryOptions({ token }, { retry: false }));
  const me = useQuery(trpc.store.mine.queryOptions(undefined, { retry: false }));
  const [signingIn, setSigningIn] = useState(false);

  if (invitation.isPending || me.isPending) {
    return <main className="signin">{t('invite.loading')}</main>;
  }
  if (invitation.error) {
    return (
      <main className="signin">
        <section className="card signin__card" aria-labelledby="invite-title">
          <h1 id="invite-title">{t('invite.broken')}</h1>
          <p>{t('invite.brokenWhy')}</p>
          <a href="/admin/">{t('invite.toSignIn')}</a>
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
        notice={t('invite.signInAs', { email, store: storeName })}
      />
    );
  }
  return (
    <main className="signin">
      <section className="card signin__card" aria-labelledby="invite-title">
        <h1 id="invite-title">{t('invite.join', { store: storeName })}</h1>
        <p>
          <Trans
            t={t}
            i18nKey="invite.invited"
            values={{ store: storeName, role: t(`invite.roleWords.${role}`), email }}
            components={{ strong: <strong /> }}
          />
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
              {t('invite.haveAccount', { email })}{' '}
              <button className="btn btn--quiet" onClick={() => setSigningIn(true)}>
                {t('invite.signInToAccept')}
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
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions({ onSuccess: props.onJoined }));
  if (props.myEmail !== props.email) {
    return (
      <ErrorNotice>
        {t('invite.wrongAccount', { me: props.myEmail, email: props.email })}
      </ErrorNotice>
    );
  }
  return (
    <>
      {accept.error && <ErrorNotice>{messageFor(accept.error, tc)}</ErrorNotice>}
      <button className="btn btn--primary" onClick={() => accept.mutate({ token: props.token })}>
        {t('invite.accept')}
      </button>
    </>
  );
}

function CreateAccount(props: { token: string; name: string; onJoined: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
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
      <h2 id="create-title">{t('invite.createTitle')}</h2>
      {signUp.error && <ErrorNotice>{messageFor(signUp.error, tc)}</ErrorNotice>}
      <label className="field">
        <span>{t('invite.name')}</span>
        <input name="name" defaultValue={props.name} required maxLength={80} autoComplete="name" />
      </label>
      <NewPasswordFields
        label={t('setup.password')}
        againLabel={t('setup.again')}
        mismatch={mismatch}
      />
      <button className="btn btn--primary" disabled={signUp.isPending}>
        {signUp.isPending ? t('invite.creating') : t('invite.create')}
      </button>
    </form>
  );
}
