import { useTRPCClient } from '@kds/ui';
import { useState, type FormEvent } from 'react';

/** Email and password; the server answers with an HTTP-only session cookie. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string }) {
  const client = useTRPCClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await client.auth.login.mutate({
        email: String(form.get('email')),
        password: String(form.get('password')),
      });
      onSignedIn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form className="card signin__card" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">KDS Admin</h1>
        <p className="muted">Sign in to run your restaurant.</p>
        {notice && <p className="notice">{notice}</p>}
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button className="btn btn--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
