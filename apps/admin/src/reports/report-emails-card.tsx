import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Notice, useAction } from '../shared/feedback.tsx';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The signed-in manager's report emails: yesterday's numbers every morning, or last week's on a
 * chosen day, at the store's local time, with the orders export attached.
 */
export function ReportEmailsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useQuery(trpc.report.schedules.queryOptions());
  const { outcome, act } = useAction(() =>
    queryClient.invalidateQueries(trpc.report.schedules.pathFilter()),
  );
  const save = useMutation(trpc.report.schedule.mutationOptions());
  const remove = useMutation(trpc.report.unschedule.mutationOptions());
  const [frequency, setFrequency] = useState<'daily' | 'weekly'>('daily');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sendAt = String(data.get('sendAt'));
    void act(
      `Report email ${frequency === 'daily' ? 'every day' : 'every week'} at ${sendAt}`,
      () =>
        save.mutateAsync({
          frequency,
          sendAt,
          ...(frequency === 'weekly' ? { weekday: Number(data.get('weekday')) } : {}),
        }),
    );
  };
  return (
    <section className="card" aria-labelledby="report-emails">
      <h2 id="report-emails">Report by email</h2>
      <p className="muted">
        Sent to you at the store's local time: the day before, or the week before, with the orders
        export attached.
      </p>
      <Notice outcome={outcome} />
      <ul className="plain">
        {schedules.data?.map((s) => (
          <li key={s.id}>
            {s.frequency === 'daily'
              ? `Every day at ${s.sendAt}`
              : `Every ${DAYS[s.weekday ?? 0]} at ${s.sendAt}`}{' '}
            <button
              className="btn btn--small"
              onClick={() =>
                void act('Report email stopped', () => remove.mutateAsync({ id: s.id }))
              }
            >
              Stop the {s.frequency} email
            </button>
          </li>
        ))}
      </ul>
      <form className="filters" onSubmit={submit}>
        <label className="field">
          <span>How often</span>
          <select
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as 'daily' | 'weekly')}
          >
            <option value="daily">Every day (yesterday)</option>
            <option value="weekly">Every week (the 7 days before)</option>
          </select>
        </label>
        {frequency === 'weekly' && (
          <label className="field">
            <span>On</span>
            <select name="weekday" defaultValue="1">
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>At</span>
          <input name="sendAt" type="time" defaultValue="07:00" required />
        </label>
        <button className="btn btn--primary">Email me this report</button>
      </form>
    </section>
  );
}
