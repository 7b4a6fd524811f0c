import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { blankStore, StoreFields, type NewStore } from './store-fields.tsx';
import { ErrorNotice } from '../shared/feedback.tsx';

/** An owner opens another store, owns it, and switches to it to set up its menu and staff. */
export function OpenStorePage({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const [, navigate] = useLocation();
  // Once open, the console is the new store's, on its dashboard.
  const switchStore = useMutation(
    trpc.store.switch.mutationOptions({
      onSuccess: () => {
        navigate('/');
        onOpened();
      },
    }),
  );
  const create = useMutation(
    trpc.store.create.mutationOptions({
      onSuccess: (opened) => switchStore.mutate({ storeId: opened.id }),
    }),
  );
  const [store, setStore] = useState<NewStore>(blankStore);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(store);
  };
  return (
    <>
      <header className="page-head">
        <h1>{t('setup.openTitle')}</h1>
        <p className="muted">{t('setup.openIntro')}</p>
      </header>
      <form className="stack" onSubmit={submit} aria-label={t('setup.openTitle')}>
        <StoreFields value={store} onChange={setStore} />
        {create.error && <ErrorNotice>{messageFor(create.error, tc)}</ErrorNotice>}
        <button className="btn btn--primary" disabled={create.isPending}>
          {t('setup.open')}
        </button>
      </form>
    </>
  );
}
