import { useTranslation } from '@kds/i18n/react';
import { weekdays } from '../shared/format.ts';

interface Interval {
  day: number;
  opens: string;
  closes: string;
}

/** Opening intervals, one row each; times in the store's zone, 24:00 for midnight. */
export function OpeningHoursEditor({
  value,
  onChange,
}: {
  value: Interval[];
  onChange: (hours: Interval[]) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const days = weekdays(i18n.language);
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('hours.day')}</th>
            <th scope="col">{t('hours.opens')}</th>
            <th scope="col">{t('hours.closes')}</th>
            <th scope="col">
              <span className="sr-only">{t('hours.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {value.map((interval, i) => {
            const update = (change: Partial<Interval>) =>
              onChange(value.map((x, j) => (j === i ? { ...x, ...change } : x)));
            return (
              <tr key={i}>
                <td>
                  <select
                    aria-label={t('hours.dayOf', { number: i + 1 })}
                    value={interval.day}
                    onChange={(e) => update({ day: Number(e.target.value) })}
                  >
                    {days.map((d, n) => (
                      <option key={d} value={n}>
                        {d}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('hours.opensOf', { number: i + 1 })}
                    value={interval.opens}
                    onChange={(e) => update({ opens: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('hours.closesOf', { number: i + 1 })}
                    value={interval.closes}
                    onChange={(e) => update({ closes: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  >
                    {t('hours.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="btn"
        onClick={() => onChange([...value, { day: 1, opens: '11:00', closes: '22:00' }])}
      >
        {t('hours.add')}
      </button>
    </>
  );
}
