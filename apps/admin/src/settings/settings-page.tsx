import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { Loading, Problem } from '../shared/states.tsx';
import { Card } from './fields.tsx';
import { formOf, type Form, type Settings } from './form.ts';
import { MessagesCard } from './messages-card.tsx';
import { OpeningHoursEditor } from './opening-hours-editor.tsx';
import { OrdersCard } from './orders-card.tsx';
import { PrintersCard } from './printers-card.tsx';
import { ServicesCard } from './services-card.tsx';
import { LanguagesCard } from './languages-card.tsx';
import { StoreCard } from './store-card.tsx';

/** The whole store in one form, saved at once; the server checks every field. */
export function SettingsPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const updateSettings = useMutation(trpc.store.updateSettings.mutationOptions());
  const queryClient = useQueryClient();
  const loaded = useQuery(trpc.store.settings.queryOptions());
  const [form, setForm] = useState<Form | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (loaded.data && !form) setForm(formOf(loaded.data));
  }, [loaded.data, form]);
  if (loaded.error) return <Problem error={loaded.error} />;
  if (!loaded.data || !form) return <Loading />;

  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const setSettings = (change: Partial<Settings>) =>
    setForm({ ...form, settings: { ...form.settings, ...change } });
  const card = { form, set, setSettings };

  const save = async () => {
    setOutcome(null);
    try {
      await updateSettings.mutateAsync(form);
      setOutcome({ ok: true, text: t('settings.saved') });
      await queryClient.invalidateQueries(trpc.store.pathFilter());
    } catch (e) {
      setOutcome({ ok: false, text: messageFor(e, tc) });
    }
  };

  return (
    <>
      <header className="page-head page-head--row">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="muted">
            {t('settings.where', { slug: loaded.data.slug, currency: loaded.data.currency })}
          </p>
        </div>
        <button className="btn btn--primary" onClick={() => void save()}>
          {t('settings.save')}
        </button>
      </header>
      <Notice outcome={outcome} />
      <ServicesCard />
      <StoreCard {...card} loaded={loaded.data} />
      <LanguagesCard {...card} />
      <Card title={t('hours.title')} hint={t('hours.hint')}>
        <OpeningHoursEditor
          value={form.openingHours}
          onChange={(openingHours) => set({ openingHours })}
        />
      </Card>
      <OrdersCard {...card} />
      <MessagesCard {...card} defaults={loaded.data.defaultTemplates} />
      <PrintersCard />
    </>
  );
}
