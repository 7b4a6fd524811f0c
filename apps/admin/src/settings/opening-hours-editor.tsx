const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
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
                    aria-label={`Day of interval ${i + 1}`}
                    value={interval.day}
                    onChange={(e) => update({ day: Number(e.target.value) })}
                  >
                    {DAYS.map((d, n) => (
                      <option key={d} value={n}>
                        {d}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Opens, interval ${i + 1}`}
                    value={interval.opens}
                    onChange={(e) => update({ opens: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Closes, interval ${i + 1}`}
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
                    Remove
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
        Add hours
      </button>
    </>
  );
}
