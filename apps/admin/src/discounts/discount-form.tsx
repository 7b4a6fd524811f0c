import { useTranslation } from '@kds/i18n/react';
import { parseMoney } from '@kds/api/client';
import { useState, type FormEvent } from 'react';
import type { Inputs, Outputs } from '../shared/types.ts';
import { Field } from '../shared/field.tsx';

type Create = Inputs['discount']['create'];
type MenuItem = Outputs['menu']['forStore']['categories'][number]['items'][number];

const count = (text: string) => (text.trim() ? Number(text) : undefined);
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The form's fields as the procedure's input; unreadable amounts become NaN, which it refuses. */
function createInput(data: FormData, kind: Create['kind'], currency: string): Create {
  const text = (name: string) => String(data.get(name) ?? '');
  // Money typed as "5" or "5.50" into minor units; empty is none; not an amount: NaN, refused.
  const cents = (typed: string) =>
    typed.trim() ? (parseMoney(typed, currency) ?? NaN) : undefined;
  return {
    code: text('code'),
    kind,
    value: kind === 'percent' ? Number(text('value')) : (cents(text('value')) ?? 0),
    minOrderCents: cents(text('minOrder')) ?? 0,
    maxUses: count(text('maxUses')),
    perGuestLimit: count(text('perGuest')),
    validFrom: instant(text('validFrom')),
    validUntil: instant(text('validUntil')),
    menuItemIds: data.getAll('item').map(String),
    note: text('note'),
  };
}

/**
 * A new code: percent or a fixed amount, with its optional rules (a minimum order, uses in all
 * and per guest, a window, some items only). Times are this browser's clock, which is the
 * store's when the console runs in the store.
 */
export function DiscountForm(props: {
  items: MenuItem[];
  /** The store's: amounts are typed in its units ("5.50", "550" yen). */
  currency: string;
  busy: boolean;
  onCreate(input: Create): Promise<boolean>;
}) {
  const { t } = useTranslation('admin');
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = createInput(new FormData(form), kind, props.currency);
    if (await props.onCreate(input)) form.reset();
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <Field
        label={t('discounts.form.code')}
        name="code"
        required
        maxLength={24}
        placeholder="WELCOME10"
      />
      <KindAndValue kind={kind} setKind={setKind} />
      <Field
        label={t('discounts.form.minOrder')}
        name="minOrder"
        inputMode="decimal"
        placeholder="15.00"
      />
      <Field label={t('discounts.form.maxUses')} name="maxUses" inputMode="numeric" />
      <Field label={t('discounts.form.perGuest')} name="perGuest" inputMode="numeric" />
      <Field label={t('discounts.form.starts')} name="validFrom" type="datetime-local" />
      <Field label={t('discounts.form.ends')} name="validUntil" type="datetime-local" />
      <Field label={t('discounts.form.note')} name="note" maxLength={200} />
      <fieldset className="fieldset fieldset--row">
        <legend>{t('discounts.form.items')}</legend>
        {props.items.map((item) => (
          <label key={item.id} className="check">
            <input type="checkbox" name="item" value={item.id} /> {item.name}
          </label>
        ))}
      </fieldset>
      <div>
        <button className="btn btn--primary" disabled={props.busy}>
          {t('discounts.form.create')}
        </button>
      </div>
    </form>
  );
}

/** Percent or a fixed amount off, and how much. */
function KindAndValue({
  kind,
  setKind,
}: {
  kind: Create['kind'];
  setKind(kind: Create['kind']): void;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <label className="field">
        <span>{t('discounts.form.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as 'percent' | 'amount')}>
          <option value="percent">{t('discounts.form.percentOff')}</option>
          <option value="amount">{t('discounts.form.amountOff')}</option>
        </select>
      </label>
      <label className="field">
        <span>
          {kind === 'percent'
            ? t('discounts.form.howMuchPercent')
            : t('discounts.form.howMuchAmount')}
        </span>
        <input
          name="value"
          required
          inputMode="decimal"
          placeholder={kind === 'percent' ? '10' : '5.00'}
        />
      </label>
    </>
  );
}
