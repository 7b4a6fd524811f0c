import { useState, type FormEvent } from 'react';
import { useTranslation } from '@kds/i18n/react';
import { SCOPES, scopeKey, type Scope } from './scopes.ts';

/** A key's name and what it may do; the key itself is shown by the page, once. */
export function NewKeyForm(props: {
  busy: boolean;
  onCreate(input: { name: string; scopes: Scope[] }): Promise<boolean>;
}) {
  const { t } = useTranslation('admin');
  const [scopes, setScopes] = useState<Scope[]>(['menu:read', 'orders:read']);
  const toggle = (scope: Scope, on: boolean) =>
    setScopes((now) => (on ? [...now, scope] : now.filter((s) => s !== scope)));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    if (await props.onCreate({ name, scopes })) form.reset();
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('integrations.whoUses')}</span>
        <input name="name" required maxLength={60} placeholder={t('integrations.whoUsesHint')} />
      </label>
      <fieldset className="fieldset fieldset--row">
        <legend>{t('integrations.mayDo')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            {t(scopeKey(scope))} <code className="muted small">{scope}</code>
          </label>
        ))}
      </fieldset>
      <button className="btn btn--primary" disabled={props.busy || scopes.length === 0}>
        {t('integrations.createKey')}
      </button>
    </form>
  );
}
