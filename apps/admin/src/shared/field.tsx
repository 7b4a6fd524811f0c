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
