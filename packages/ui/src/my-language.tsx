import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '@kds/i18n';
import { useTranslation } from '@kds/i18n/react';
import { useMutation } from '@tanstack/react-query';
import { messageFor } from './error-message.ts';
import { useTRPC } from './trpc.ts';

/** Each language as an option, named in itself. */
export function LanguageOptions({ languages = LANGUAGES }: { languages?: readonly Language[] }) {
  return languages.map((l) => (
    <option key={l} value={l} lang={l}>
      {LANGUAGE_NAMES[l]}
    </option>
  ));
}

/**
 * A person's own language for the console and the kitchen, at every store they work at; the
 * first choice goes back to each store's. `onSaved` reloads whatever shows the language.
 */
export function MyLanguageSelect(props: {
  label: string;
  storeLabel: string;
  own: string | null;
  onSaved(): unknown;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const save = useMutation(trpc.auth.setLanguage.mutationOptions({ onSuccess: props.onSaved }));
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        value={props.own ?? ''}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate({ language: isLanguage(e.target.value) ? e.target.value : null })
        }
      >
        <option value="">{props.storeLabel}</option>
        <LanguageOptions />
      </select>
      {save.error && (
        <small className="field__problem" role="alert">
          {messageFor(save.error, t)}
        </small>
      )}
    </label>
  );
}
