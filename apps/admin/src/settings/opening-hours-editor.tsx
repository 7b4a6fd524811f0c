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
  const { t } = useTranslation('admin');
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
          {value.map((interval, i) => (
            <IntervalRow
              key={i}
              number={i + 1}
              interval={interval}
              update={(change) =>
                onChange(value.map((x, j) => (j === i ? { ...x, ...change } : x)))
              }
              remove={() => onChange(value.filter((_, j) => j !== i))}
            />
          ))}
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

/** One interval: its day, opening and closing times, and its remove button. */
function IntervalRow({
  number,
  interval,
  update,
  remove,
}: {
  /** Its place in the list, from 1, for the labels a screen reader speaks. */
  number: number;
  interval: Interval;
  update(change: Partial<Interval>): void;
  remove(): void;
}) {
  const { t, i18n } = useTranslation('admin');
  const days = weekdays(i18n.language);
  return (
    <tr>
      <td>
        <select
          aria-label={t('hours.dayOf', { number })}
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
          aria-label={t('hours.opensOf', { number })}
          value={interval.opens}
          onChange={(e) => update({ opens: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label={t('hours.closesOf', { number })}
          value={interval.closes}
          onChange={(e) => update({ closes: e.target.value })}
        />
      </td>
      <td>
        <button type="button" className="btn btn--small" onClick={remove}>
          {t('hours.remove')}
        </button>
      </td>
    </tr>
  );
}
