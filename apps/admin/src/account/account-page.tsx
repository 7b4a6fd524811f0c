import { useTranslation } from '@kds/i18n/react';
import { ChoosePassword, messageFor, MyLanguageSelect, useTRPC } from '@kds/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Outputs } from '../shared/types.ts';
import { ErrorNotice } from '../shared/feedback.tsx';

type Me = Outputs['store']['mine'];

/** One's own account: who it is, its language, password, sessions, invitations to it. */
export function AccountPage({ me, onIdentityChange }: { me: Me; onIdentityChange: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const [changed, setChanged] = useState(false);
  const everywhere = useMutation(
    trpc.auth.logoutEverywhere.mutationOptions({ onSuccess: onIdentityChange }),
  );
  return (
    <>
      <header className="page-head">
        <h1>{t('account.title')}</h1>
        <p className="muted">
          {t('account.who', { name: me.staff?.name ?? '', email: me.staff?.email ?? '' })}
        </p>
      </header>
      <MyLanguage me={me} />
      <section className="card">
        {changed && (
          <p className="notice" role="status">
            {t('account.passwordChanged')}
          </p>
        )}
        <ChoosePassword
          title={t('account.changeTitle')}
          intro={t('account.changeIntro')}
          onDone={() => setChanged(true)}
        />
      </section>
      <section className="card" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t('account.elsewhereTitle')}</h2>
        <p className="muted">{t('account.elsewhereIntro')}</p>
        {everywhere.error && <ErrorNotice>{messageFor(everywhere.error, tc)}</ErrorNotice>}
        <button className="btn btn--danger" onClick={() => everywhere.mutate()}>
          {t('account.signOutEverywhere')}
        </button>
      </section>
    </>
  );
}

/** The language this person reads KDS in, everywhere; or each store's own. */
function MyLanguage({ me }: { me: Me }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <section className="card" aria-labelledby="language-title">
      <h2 id="language-title">{t('account.languageTitle')}</h2>
      <p className="muted">{t('account.languageIntro')}</p>
      <MyLanguageSelect
        label={tc('language')}
        storeLabel={t('account.storeLanguage')}
        own={me.staff?.language ?? null}
        onSaved={() => queryClient.invalidateQueries(trpc.store.mine.queryFilter())}
      />
    </section>
  );
}
