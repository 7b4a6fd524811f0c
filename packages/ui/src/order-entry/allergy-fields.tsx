import { useTranslation } from '@kds/i18n/react';
import type { ReactNode } from 'react';
import type { Menu } from './types.ts';

/**
 * The guest's allergies as choices the kitchen can trust (the allergens this menu lists) plus
 * their own words; they reach the ticket as a red ALLERGY band, not buried in the notes.
 * Uncontrolled inputs: read when the order is placed.
 */
export function AllergyFields({
  menu,
  problem,
  intro,
}: {
  menu: Menu | undefined;
  problem: (path: string) => ReactNode;
  intro?: string;
}) {
  const { t } = useTranslation();
  const known = [
    ...new Set(menu?.categories.flatMap((c) => c.items.flatMap((i) => i.allergens)) ?? []),
  ].sort();
  return (
    <fieldset className="allergies">
      <legend>{t('allergies.title')}</legend>
      <p className="muted">{intro ?? t('allergies.intro')}</p>
      <div className="allergies__choices">
        {known.map((a) => (
          <label key={a} className="check">
            <input type="checkbox" name="allergy" value={a} /> {a}
          </label>
        ))}
      </div>
      <label className="field">
        <span>{t('allergies.other')}</span>
        <input name="allergyOther" maxLength={200} />
      </label>
      {problem('allergies')}
    </fieldset>
  );
}

/** The allergies a checkout form declares, each once. */
export function allergiesOf(form: FormData): string[] {
  const other = String(form.get('allergyOther') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([...form.getAll('allergy').map(String), ...other])];
}
