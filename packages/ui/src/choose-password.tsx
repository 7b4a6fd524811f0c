import type { TFunction } from 'i18next';
import { useTranslation } from '@kds/i18n/react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { NewPasswordFields, newPasswordOf } from './new-password-fields.tsx';
import { temporaryPassword } from './temporary-password.ts';
import { useTRPC } from './trpc.ts';

/** What went wrong, in words for the person at the screen, with the field it concerns. */
function problemOf(
  error: unknown,
  t: TFunction<'common'>,
): { field: 'current' | 'new' | null; message: string } {
  const data = (error as { data?: { code?: string; issues?: { path: string[] }[] | null } })?.data;
  const message = (error as Error).message;
  if (data?.code === 'TOO_MANY_REQUESTS') return { field: 'current', message };
  if (/current/.test(message)) return { field: 'current', message: t('password.notCurrent') };
  if (
    data?.issues?.some((i) => i.path[0] === 'newPassword') ||
    /newPassword|password/i.test(message)
  ) {
    const detail = message.replace(/^newPassword: /, '');
    return { field: 'new', message: t('password.newPrefix', { message: detail }) };
  }
  if (/fetch|network/i.test(message)) {
    return { field: null, message: t('error.offline') };
  }
  return { field: null, message };
}

/**
 * One's own new password: after a manager's reset (nothing else works until it is done) or by
 * choice. The current password is asked for unless it was just typed to sign in
 * (`temporaryPassword`).
 */
export function ChoosePassword({
  title,
  intro,
  onDone,
}: {
  title: string;
  intro: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [knownCurrent] = useState(() => temporaryPassword.value ?? undefined);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        temporaryPassword.value = null;
        onDone();
      },
    }),
  );
  const [mismatch, setMismatch] = useState(false);
  const problem = change.error ? problemOf(change.error, t) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = newPasswordOf(form);
    setMismatch(newPassword === null);
    if (newPassword === null) return;
    change.mutate({
      currentPassword: knownCurrent ?? String(form.get('current')),
      newPassword,
    });
  };

  return (
    <form className="choose-password" onSubmit={submit} aria-labelledby="choose-password-title">
      <h2 id="choose-password-title">{title}</h2>
      <p>{intro}</p>
      {problem && !problem.field && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {knownCurrent === undefined && (
        <label className="field">
          <span>{t('password.current')}</span>
          <input
            name="current"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={problem?.field === 'current'}
            aria-describedby={problem?.field === 'current' ? 'current-problem' : undefined}
          />
          {problem?.field === 'current' && (
            <small id="current-problem" role="alert" className="field__problem">
              {problem.message}
            </small>
          )}
        </label>
      )}
      <NewPasswordFields
        mismatch={mismatch}
        problem={problem?.field === 'new' ? problem.message : null}
      />
      <button className="btn btn--primary" disabled={change.isPending}>
        {change.isPending ? t('saving') : t('password.save')}
      </button>
    </form>
  );
}
