/** One filter of a list: a labelled select whose first choice, "any", filters nothing. */
export function FilterSelect<V extends string>({
  label,
  any,
  value,
  options,
  word,
  onChange,
}: {
  label: string;
  any: string;
  value: V | undefined;
  options: readonly V[];
  word: (value: V) => string;
  onChange: (value: V | undefined) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as V | undefined)}
      >
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {word(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
