import { useTranslation } from '@kds/i18n/react';
import { messageFor, NewPasswordFields, newPasswordOf, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Card } from '../settings/fields.tsx';
import { blankStore, StoreFields, type NewStore } from './store-fields.tsx';
import { ErrorNotice } from '../shared/feedback.tsx';

/**
 * A fresh install: no store, nobody to sign in. Whoever holds the one-time code from the
 * server's log creates the owner's account and the first store, and is signed in.
 */
export function FirstRunPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
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
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form className="stack" onSubmit={submit} aria-label={t('setup.title')}>
        <Card title={t('setup.codeTitle')} hint={t('setup.codeHint')}>
          <label className="field setup__code">
            <span>{t('setup.code')}</span>
            <input name="code" required autoComplete="off" placeholder="ABCD-EFGH-JKMN" />
          </label>
        </Card>
        <Card title={t('setup.ownerTitle')} hint={t('setup.ownerHint')}>
          <div className="form-grid">
            <label className="field">
              <span>{t('setup.name')}</span>
              <input name="name" required maxLength={80} autoComplete="name" />
            </label>
            <label className="field">
              <span>{t('setup.email')}</span>
              <input name="email" type="email" required autoComplete="email" />
            </label>
          </div>
          <NewPasswordFields
            label={t('setup.password')}
            againLabel={t('setup.again')}
            mismatch={mismatch}
          />
        </Card>
        <StoreFields value={store} onChange={setStore} />
        {create.error && <ErrorNotice>{messageFor(create.error, tc)}</ErrorNotice>}
        <button className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? t('setup.settingUp') : t('setup.create')}
        </button>
      </form>
    </main>
  );
}
