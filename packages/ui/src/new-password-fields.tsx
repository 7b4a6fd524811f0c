import { useTranslation } from '@kds/i18n/react';
/** The two fields of a new password (named `new` and `again`): typed twice, checked alike. */
export function NewPasswordFields({
  label,
  againLabel,
  mismatch,
  problem,
}: {
  label?: string;
  againLabel?: string;
  mismatch: boolean;
  /** What the server said about the new password, next to it. */
  problem?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{label ?? t('password.new')}</span>
        <input
          name="new"
          type="password"
          autoComplete="new-password"
          minLength={10}
          maxLength={200}
          required
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? 'new-problem' : undefined}
        />
        {problem && (
          <small id="new-problem" role="alert" className="field__problem">
            {problem}
          </small>
        )}
      </label>
      <label className="field">
        <span>{againLabel ?? t('password.again')}</span>
        <input
          name="again"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch}
          aria-describedby={mismatch ? 'again-problem' : undefined}
        />
        {mismatch && (
          <small id="again-problem" role="alert" className="field__problem">
            {t('password.mismatch')}
          </small>
        )}
      </label>
    </>
  );
}

/** The new password from a form with `NewPasswordFields`, or null when the two differ. */
export function newPasswordOf(form: FormData): string | null {
  const typed = String(form.get('new'));
  return typed === String(form.get('again')) ? typed : null;
}
