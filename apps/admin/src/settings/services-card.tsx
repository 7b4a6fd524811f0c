import { useTranslation } from '@kds/i18n/react';
import { messageFor, useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';
import { Card } from './fields.tsx';

/** The pill colour of each state. */
const PILL = {
  connected: 'live',
  failing: 'failed',
  simulated: 'pending',
  off: 'offline',
} as const;

/**
 * What the server is connected to, and how each service has been doing for this store, with
 * a test text or email that goes through exactly the guests' path.
 */
export function ServicesCard() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const services = useQuery(
    trpc.store.services.queryOptions(undefined, { refetchInterval: 15_000 }),
  );
  return (
    <Card title={t('services.title')} hint={t('services.hint')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('services.service')}</th>
            <th scope="col">{t('services.provider')}</th>
            <th scope="col">{t('services.state')}</th>
            <th scope="col">{t('services.lastSuccess')}</th>
            <th scope="col">{t('services.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {services.data?.map((s) => (
            <ServiceRow key={s.service} service={s} />
          ))}
        </tbody>
      </table>
      <SendTestForm />
    </Card>
  );
}

type Service = Outputs['store']['services'][number];

/** One service: its provider, its state, and when it last worked and last failed. */
function ServiceRow({ service: s }: { service: Service }) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  return (
    <tr>
      <th scope="row">{t(`services.names.${s.service}`)}</th>
      <td>
        {t(`services.providers.${s.provider}` as 'services.providers.None', {
          defaultValue: s.provider,
        })}
      </td>
      <td>
        <span className={`state-pill state-pill--${PILL[s.state]}`}>
          {t(`services.states.${s.state}`)}
        </span>
      </td>
      <td>{dateTime(s.lastSuccessAt)}</td>
      <td>
        {s.lastError
          ? t('services.error', {
              time: dateTime(s.lastError.at),
              message: s.lastError.message,
            })
          : '—'}
      </td>
    </tr>
  );
}

/** A test text or email, sent through exactly the guests' path (the outbox). */
function SendTestForm() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<'sms' | 'email'>('email');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useMutation(
    trpc.store.sendTest.mutationOptions({
      onSuccess: () => {
        setOutcome({ ok: true, text: t('services.queued', { to }) });
        void queryClient.invalidateQueries(trpc.store.services.pathFilter());
        void queryClient.invalidateQueries(trpc.outbox.pathFilter());
      },
      onError: (e) =>
        setOutcome({ ok: false, text: t('services.notSent', { message: messageFor(e, tc) }) }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    send.mutate(channel === 'sms' ? { channel: 'sms', to } : { channel: 'email', to });
  };
  return (
    <>
      <form className="inline-form" onSubmit={submit} aria-label={t('services.sendTestForm')}>
        <label className="field">
          <span>{t('services.sendTest')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as 'sms' | 'email')}>
            <option value="email">{t('services.email')}</option>
            <option value="sms">{t('services.text')}</option>
          </select>
        </label>
        <label className="field field--grow">
          <span>{channel === 'sms' ? t('services.toNumber') : t('services.toAddress')}</span>
          <input
            type={channel === 'sms' ? 'tel' : 'email'}
            value={to}
            required
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button className="btn" disabled={send.isPending}>
          {t('services.sendTest')}
        </button>
      </form>
      <Notice outcome={outcome} />
    </>
  );
}
