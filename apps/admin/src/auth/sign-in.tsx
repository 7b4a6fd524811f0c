import { useTranslation } from '@kds/i18n/react';
import { messageFor, temporaryPassword, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { ErrorNotice } from '../shared/feedback.tsx';

/** Email and password; the server answers with an HTTP-only session cookie. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const login = useMutation(trpc.auth.login.mutationOptions());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    login.mutate(
      { email: String(form.get('email')), password },
      {
        onSuccess: (result) => {
          // A manager's reset: the next screen asks for a new password, not this one again.
          temporaryPassword.value = result.staff.mustChangePassword ? password : null;
          onSignedIn();
        },
      },
    );
  };

  return (
    <main className="signin">
      <form className="card signin__card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('brand')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {notice && <p className="notice">{notice}</p>}
        {login.error && <ErrorNotice>{messageFor(login.error, tc)}</ErrorNotice>}
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button className="btn btn--primary" disabled={login.isPending}>
          {login.isPending ? t('signIn.signingIn') : t('signIn.signIn')}
        </button>
      </form>
    </main>
  );
}
