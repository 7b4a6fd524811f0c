import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice, useAction } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { DiscountForm } from './discount-form.tsx';

type Code = Outputs['discount']['list'][number];

/** Discount codes: create them, see how much each gave away, pause, resume or end them. */
export function DiscountsPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const rulesOf = useRules();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.discount.list.queryOptions());
  const menu = useQuery(trpc.menu.forStore.queryOptions({ storeSlug }));
  const { outcome, act } = useAction(() =>
    queryClient.invalidateQueries(trpc.discount.list.pathFilter()),
  );
  const create = useMutation(trpc.discount.create.mutationOptions());
  const change = useMutation(trpc.discount.change.mutationOptions());
  if (list.error) return <Problem error={list.error} />;
  if (!list.data || !menu.data) return <Loading />;
  const currency = menu.data.store.currency;
  const items = menu.data.categories.flatMap((c) => c.items);
  return (
    <>
      <header className="page-head">
        <h1>{t('discounts.title')}</h1>
        <p className="muted">{t('discounts.intro')}</p>
      </header>
      <Notice outcome={outcome} />
      <section className="card" aria-labelledby="new-code">
        <h2 id="new-code">{t('discounts.newCode')}</h2>
        <DiscountForm
          items={items}
          currency={currency}
          busy={create.isPending}
          onCreate={(input) =>
            act(t('discounts.created', { code: input.code.toUpperCase() }), () =>
              create.mutateAsync(input),
            )
          }
        />
      </section>
      <section className="card" aria-labelledby="codes">
        <h2 id="codes">{t('discounts.codes')}</h2>
        {list.data.length === 0 ? (
          <p className="muted">{t('discounts.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('discounts.code')}</th>
                <th scope="col">{t('discounts.takesOff')}</th>
                <th scope="col">{t('discounts.rules')}</th>
                <th scope="col" className="num">
                  {t('discounts.used')}
                </th>
                <th scope="col" className="num">
                  {t('discounts.given')}
                </th>
                <th scope="col">{t('discounts.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('discounts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id}>
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
                    {c.state !== 'ended' && (
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
                    )}
                    {c.state !== 'ended' && (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function useRules() {
  const { t } = useTranslation('admin');
  const { dateTime, money } = useAdminFormat();
  return (c: Code, currency: string, items: { id: string; name: string }[]): string => {
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
