import { useTranslation } from '@kds/i18n/react';
import { weekdays } from '../shared/format.ts';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Notice, useAction, type Act } from '../shared/feedback.tsx';

/**
 * The signed-in manager's report emails: yesterday's numbers every morning, or last week's on a
 * chosen day, at the store's local time, with the orders export attached.
 */
export function ReportEmailsCard() {
  const { t, i18n } = useTranslation('admin');
  const days = weekdays(i18n.language);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedules = useQuery(trpc.report.schedules.queryOptions());
  const { outcome, act } = useAction(() =>
    queryClient.invalidateQueries(trpc.report.schedules.pathFilter()),
  );
  const remove = useMutation(trpc.report.unschedule.mutationOptions());
  return (
    <section className="card" aria-labelledby="report-emails">
      <h2 id="report-emails">{t('reportEmails.title')}</h2>
      <p className="muted">{t('reportEmails.intro')}</p>
      <Notice outcome={outcome} />
      <ul className="plain">
        {schedules.data?.map((s) => (
          <li key={s.id}>
            {s.frequency === 'daily'
              ? t('reportEmails.daily', { time: s.sendAt })
              : t('reportEmails.weekly', { day: days[s.weekday ?? 0], time: s.sendAt })}{' '}
            <button
              className="btn btn--small"
              onClick={() =>
                void act(t('reportEmails.stopped'), () => remove.mutateAsync({ id: s.id }))
              }
            >
              {s.frequency === 'daily' ? t('reportEmails.stopDaily') : t('reportEmails.stopWeekly')}
            </button>
          </li>
        ))}
      </ul>
      <ScheduleForm act={act} />
    </section>
  );
}

/** A new schedule: every day, or one day of the week, at a time of the store's day. */
function ScheduleForm({ act }: { act: Act }) {
  const { t, i18n } = useTranslation('admin');
  const days = weekdays(i18n.language);
  const trpc = useTRPC();
  const save = useMutation(trpc.report.schedule.mutationOptions());
  const [frequency, setFrequency] = useState<'daily' | 'weekly'>('daily');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const sendAt = String(data.get('sendAt'));
    void act(
      t(frequency === 'daily' ? 'reportEmails.savedDaily' : 'reportEmails.savedWeekly', {
        time: sendAt,
      }),
      () =>
        save.mutateAsync({
          frequency,
          sendAt,
          ...(frequency === 'weekly' ? { weekday: Number(data.get('weekday')) } : {}),
        }),
    );
  };
  return (
    <form className="filters" onSubmit={submit}>
      <label className="field">
        <span>{t('reportEmails.howOften')}</span>
        <select
          value={frequency}
          onChange={(e) => setFrequency(e.target.value as 'daily' | 'weekly')}
        >
          <option value="daily">{t('reportEmails.everyDay')}</option>
          <option value="weekly">{t('reportEmails.everyWeek')}</option>
        </select>
      </label>
      {frequency === 'weekly' && (
        <label className="field">
          <span>{t('reportEmails.on')}</span>
          <select name="weekday" defaultValue="1">
            {days.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('reportEmails.at')}</span>
        <input name="sendAt" type="time" defaultValue="07:00" required />
      </label>
      <button className="btn btn--primary">{t('reportEmails.submit')}</button>
    </form>
  );
}
