import type { InputHTMLAttributes } from 'react';

/** A labelled input: the label above, the input under it, the whole label tappable. */
export function Field({
  label,
  grow,
  ...input
}: { label: string; grow?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={grow ? 'field field--grow' : 'field'}>
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}

/** A labelled select of named things (a category, a station), by id. */
export function NamedSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { id: string; name: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
