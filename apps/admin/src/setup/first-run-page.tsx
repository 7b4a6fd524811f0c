import { NewPasswordFields, newPasswordOf, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Card } from '../settings/fields.tsx';
import { blankStore, StoreFields, type NewStore } from './store-fields.tsx';

/**
 * A fresh install: no store, nobody to sign in. Whoever holds the one-time code from the
 * server's log creates the owner's account and the first store, and is signed in.
 */
export function FirstRunPage({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.setup.create.mutationOptions({ onSuccess: onDone }));
  const [store, setStore] = useState<NewStore>(blankStore);
  const [mismatch, setMismatch] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = newPasswordOf(form);
    setMismatch(password === null);
    if (password === null) return;
    create.mutate({
      code: String(form.get('code')),
      owner: { name: String(form.get('name')), email: String(form.get('email')), password },
      store,
    });
  };
  return (
    <main className="setup">
      <h1>Set up KDS</h1>
      <p>
        This KDS has no store yet. Create the owner&apos;s account and your first store; you can
        change everything later, and add more stores.
      </p>
      <form className="stack" onSubmit={submit} aria-label="Set up KDS">
        <Card
          title="The code from the server's log"
          hint="The server printed it in its log when it started (look for “No store yet”). Restarting the server prints a new one."
        >
          <label className="field setup__code">
            <span>Setup code</span>
            <input name="code" required autoComplete="off" placeholder="ABCD-EFGH-JKMN" />
          </label>
        </Card>
        <Card title="The owner" hint="You: the account that runs everything.">
          <div className="form-grid">
            <label className="field">
              <span>Your name</span>
              <input name="name" required maxLength={80} autoComplete="name" />
            </label>
            <label className="field">
              <span>Your email (you sign in with it)</span>
              <input name="email" type="email" required autoComplete="email" />
            </label>
          </div>
          <NewPasswordFields
            label="Choose a password (10 characters or more)"
            againLabel="The same password again"
            mismatch={mismatch}
          />
        </Card>
        <StoreFields value={store} onChange={setStore} />
        {create.error && (
          <p className="notice notice--error" role="alert">
            {create.error.message}
          </p>
        )}
        <button className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? 'Setting up…' : 'Create the store and sign in'}
        </button>
      </form>
    </main>
  );
}
