import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Notice, type Outcome } from '../shared/feedback.tsx';
import { dateTime } from '../shared/format.ts';
import { Card } from './fields.tsx';

const SERVICE_NAMES = {
  payments: 'Online payment',
  sms: 'Texts',
  call: 'Calls',
  email: 'Email',
  webhook: 'Webhooks',
} as const;

const STATE_WORDS = {
  connected: ['Connected', 'live'],
  failing: ['Failing', 'failed'],
  simulated: ['Simulated', 'pending'],
  off: ['Off', 'offline'],
} as const;

/**
 * What the server is connected to, and how each service has been doing for this store, with
 * a test text or email that goes through exactly the guests' path.
 */
export function ServicesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const services = useQuery(
    trpc.store.services.queryOptions(undefined, { refetchInterval: 15_000 }),
  );
  const [channel, setChannel] = useState<'sms' | 'email'>('email');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useMutation(
    trpc.store.sendTest.mutationOptions({
      onSuccess: () => {
        setOutcome({ ok: true, text: `Test queued to ${to}: see Messages for what happened.` });
        void queryClient.invalidateQueries(trpc.store.services.pathFilter());
        void queryClient.invalidateQueries(trpc.outbox.pathFilter());
      },
      onError: (e) => setOutcome({ ok: false, text: `Test not sent: ${e.message}` }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    send.mutate(channel === 'sms' ? { channel: 'sms', to } : { channel: 'email', to });
  };
  return (
    <Card
      title="Services"
      hint="Stripe, Twilio and mail are connected in the server's settings (docs/integrations.md). Simulated services write messages down in Messages and send nothing."
    >
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Provider</th>
            <th scope="col">State</th>
            <th scope="col">Last success</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {services.data?.map((s) => {
            const [words, pill] = STATE_WORDS[s.state];
            return (
              <tr key={s.service}>
                <th scope="row">{SERVICE_NAMES[s.service]}</th>
                <td>{s.provider}</td>
                <td>
                  <span className={`state-pill state-pill--${pill}`}>{words}</span>
                </td>
                <td>{dateTime(s.lastSuccessAt)}</td>
                <td>{s.lastError ? `${dateTime(s.lastError.at)}: ${s.lastError.message}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={submit} aria-label="Send a test message">
        <label className="field">
          <span>Send a test</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as 'sms' | 'email')}>
            <option value="email">Email</option>
            <option value="sms">Text</option>
          </select>
        </label>
        <label className="field field--grow">
          <span>{channel === 'sms' ? 'To the number (+15551234567)' : 'To the address'}</span>
          <input
            type={channel === 'sms' ? 'tel' : 'email'}
            value={to}
            required
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button className="btn" disabled={send.isPending}>
          Send a test
        </button>
      </form>
      <Notice outcome={outcome} />
    </Card>
  );
}
