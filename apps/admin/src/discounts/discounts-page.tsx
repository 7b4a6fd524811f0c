import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice, useAction, type Act } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { DiscountForm } from './discount-form.tsx';
import { DiscountRow } from './discount-row.tsx';

/** Discount codes: create them, see how much each gave away, pause, resume or end them. */
export function DiscountsPage({ storeSlug }: { storeSlug: string }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.discount.list.queryOptions());
  const menu = useQuery(trpc.menu.forStore.queryOptions({ storeSlug }));
  const { outcome, act } = useAction(() =>
    queryClient.invalidateQueries(trpc.discount.list.pathFilter()),
  );
  const create = useMutation(trpc.discount.create.mutationOptions());
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
          <CodesTable codes={list.data} currency={currency} items={items} act={act} />
        )}
      </section>
    </>
  );
}

type Code = Outputs['discount']['list'][number];
type MenuItem = Outputs['menu']['forStore']['categories'][number]['items'][number];

/** Each code with its rules, how often it was used and what it gave away, and its commands. */
function CodesTable(props: { codes: Code[]; currency: string; items: MenuItem[]; act: Act }) {
  const { t } = useTranslation('admin');
  return (
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
        {props.codes.map((code) => (
          <DiscountRow
            key={code.id}
            code={code}
            currency={props.currency}
            items={props.items}
            act={props.act}
          />
        ))}
      </tbody>
    </table>
  );
}
