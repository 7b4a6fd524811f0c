import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { Act } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Code = Outputs['discount']['list'][number];
type Item = { id: string; name: string };

/** One code: what it takes off, its rules, how often it was used and what it gave away. */
export function DiscountRow({
  code: c,
  currency,
  items,
  act,
}: {
  code: Code;
  currency: string;
  items: Item[];
  act: Act;
}) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const rulesOf = useRules();
  return (
    <tr>
      <th scope="row">
        {c.code}
        {c.note && <div className="muted small">{c.note}</div>}
      </th>
      <td>
        {c.kind === 'percent'
          ? t('discounts.percent', { value: c.value })
          : money(c.value, currency)}
      </td>
      <td className="small">{rulesOf(c, currency, items)}</td>
      <td className="num">
        {c.timesUsed}
        {c.maxUses !== null && ` / ${c.maxUses}`}
      </td>
      <td className="num">{money(c.givenCents, currency)}</td>
      <td>
        <span className={`status status--${c.state.replace(' ', '-')}`}>
          {t(`discounts.states.${c.state === 'used up' ? 'used_up' : c.state}`)}
        </span>
      </td>
      <td className="actions">
        <CodeCommands code={c} act={act} />
      </td>
    </tr>
  );
}

/** Pause or resume a code that has not ended, or end it. */
function CodeCommands({ code: c, act }: { code: Code; act: Act }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const change = useMutation(trpc.discount.change.mutationOptions());
  if (c.state === 'ended') return null;
  return (
    <>
      <button
        className="btn btn--small"
        onClick={() =>
          void act(
            t(c.isActive ? 'discounts.paused' : 'discounts.resumed', {
              code: c.code,
            }),
            () =>
              change.mutateAsync({
                id: c.id,
                change: c.isActive ? 'pause' : 'resume',
              }),
          )
        }
      >
        {t(c.isActive ? 'discounts.pause' : 'discounts.resume', { code: c.code })}
      </button>
      <button
        className="btn btn--small btn--danger"
        onClick={() =>
          void act(t('discounts.ended', { code: c.code }), () =>
            change.mutateAsync({ id: c.id, change: 'end' }),
          )
        }
      >
        {t('discounts.end', { code: c.code })}
      </button>
    </>
  );
}

function useRules() {
  const { t } = useTranslation('admin');
  const { dateTime, money } = useAdminFormat();
  return (c: Code, currency: string, items: Item[]): string => {
    const only = items.filter((i) => c.menuItemIds.includes(i.id)).map((i) => i.name);
    const rules = [
      c.minOrderCents > 0 && t('discounts.minOrder', { amount: money(c.minOrderCents, currency) }),
      c.perGuestLimit !== null && t('discounts.perGuest', { count: c.perGuestLimit }),
      c.menuItemIds.length > 0 && t('discounts.only', { items: only.join(', ') }),
      c.validFrom && t('discounts.from', { time: dateTime(c.validFrom) }),
      c.validUntil && t('discounts.until', { time: dateTime(c.validUntil) }),
    ].filter(Boolean);
    return rules.length ? rules.join(' · ') : t('discounts.anyOrder');
  };
}
