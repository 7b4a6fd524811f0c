import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Outputs } from '../shared/types.ts';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { HeldData } from './held-data.tsx';

type Data = Outputs['privacy']['customerData'];

/** A guest asks what we hold about them, or to be forgotten. */
export function PrivacyPage({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const erasePrivacy = useMutation(trpc.privacy.erase.mutationOptions());
  // Looked up on demand, and read afresh every time (after an erasure, say).
  const lookUp = (subject: { phone?: string; email?: string }) =>
    queryClient.fetchQuery({ ...trpc.privacy.customerData.queryOptions(subject), staleTime: 0 });
  const [who, setWho] = useState<{ phone?: string; email?: string } | null>(null);
  const [data, setData] = useState<Data | null>(null);
  const [notice, setNotice] = useState<Outcome | null>(null);

  const find = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = String(form.get('who')).trim();
    const subject = value.includes('@') ? { email: value } : { phone: value };
    setNotice(null);
    try {
      setData(await lookUp(subject));
      setWho(subject);
    } catch (e) {
      setNotice({ ok: false, text: messageFor(e, tc) });
    }
  };

  const erase = async () => {
    if (!who || !window.confirm(t('privacy.eraseSure'))) return;
    try {
      const result = await erasePrivacy.mutateAsync(who);
      setNotice({
        ok: true,
        text: t('privacy.erased', {
          orders: t('privacy.orders', { count: result.orders }),
          messages: t('privacy.messages', { count: result.messages }),
        }),
      });
      setData(await lookUp(who));
    } catch (e) {
      setNotice({ ok: false, text: messageFor(e, tc) });
    }
  };

  return (
    <>
      <header className="page-head">
        <h1>{t('privacy.title')}</h1>
        <p className="muted">{t('privacy.intro')}</p>
      </header>
      <form className="filters card" onSubmit={find}>
        <label className="field field--grow">
          <span>{t('privacy.who')}</span>
          <input name="who" required />
        </label>
        <button className="btn btn--primary">{t('privacy.find')}</button>
      </form>
      <Notice outcome={notice} />
      {data && <HeldData data={data} erase={isOwner ? () => void erase() : undefined} />}
    </>
  );
}
