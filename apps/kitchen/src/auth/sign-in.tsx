import { useTranslation } from '@kds/i18n/react';
import { messageFor, temporaryPassword, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { tokenStore } from './token.ts';

/** Staff sign in, or a wall screen is paired with a code a manager created. */
export function SignIn() {
  const { t } = useTranslation('kitchen');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const pairDevice = useMutation(trpc.device.pair.mutationOptions());
  const loginAuth = useMutation(trpc.auth.login.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (
    event: FormEvent<HTMLFormElement>,
    action: (form: FormData) => Promise<string>,
  ) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      tokenStore.set(await action(new FormData(event.currentTarget)));
    } catch (e) {
      setError(messageFor(e, tc));
    } finally {
      setBusy(false);
    }
  };

  const pair = async (f: FormData) =>
    (await pairDevice.mutateAsync({ code: String(f.get('code')) })).token;
  const login = async (f: FormData) => {
    const password = String(f.get('password'));
    const result = await loginAuth.mutateAsync({ email: String(f.get('email')), password });
    temporaryPassword.value = result.staff.mustChangePassword ? password : null;
    return result.token;
  };

  return (
    <main className="signin">
      <h1>{t('signIn.title')}</h1>
      {error && (
        <p className="signin__error" role="alert">
          {error}
        </p>
      )}
      <div className="signin__forms">
        <PairForm busy={busy} submit={(e) => void run(e, pair)} />
        <StaffForm busy={busy} submit={(e) => void run(e, login)} />
      </div>
    </main>
  );
}

interface FormProps {
  busy: boolean;
  submit: (event: FormEvent<HTMLFormElement>) => void;
}

/** A wall screen: the code a manager made on the Screens page. */
function PairForm({ busy, submit }: FormProps) {
  const { t } = useTranslation('kitchen');
  return (
    <form aria-labelledby="pair-title" onSubmit={submit}>
      <h2 id="pair-title">{t('signIn.pairTitle')}</h2>
      <p>{t('signIn.pairIntro')}</p>
      <label className="field">
        <span>{t('signIn.pairCode')}</span>
        <input
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="ABCD-EFGH"
          required
        />
      </label>
      <button className="btn btn--primary" disabled={busy}>
        {t('signIn.pair')}
      </button>
    </form>
  );
}

/** A cook or manager with their own account. */
function StaffForm({ busy, submit }: FormProps) {
  const { t } = useTranslation('kitchen');
  return (
    <form aria-labelledby="staff-title" onSubmit={submit}>
      <h2 id="staff-title">{t('signIn.staffTitle')}</h2>
      <label className="field">
        <span>{t('signIn.email')}</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>{t('signIn.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="btn btn--primary" disabled={busy}>
        {t('signIn.signIn')}
      </button>
    </form>
  );
}
