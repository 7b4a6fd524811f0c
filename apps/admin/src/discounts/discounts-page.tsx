import { useTRPC } from '@kds/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice, useAction } from '../shared/feedback.tsx';
import { dateTime, money } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { DiscountForm } from './discount-form.tsx';

type Code = Outputs['discount']['list'][number];

/** Discount codes: create them, see how much each gave away, pause, resume or end them. */
export function DiscountsPage({ storeSlug }: { storeSlug: string }) {
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
        <h1>Discounts</h1>
        <p className="muted">
          Guests type a code at checkout and read why when it does not apply. A use comes back when
          its order is canceled or expires unpaid.
        </p>
      </header>
      <Notice outcome={outcome} />
      <section className="card" aria-labelledby="new-code">
        <h2 id="new-code">New code</h2>
        <DiscountForm
          items={items}
          currency={currency}
          busy={create.isPending}
          onCreate={(input) =>
            act(`Code ${input.code.toUpperCase()} created`, () => create.mutateAsync(input))
          }
        />
      </section>
      <section className="card" aria-labelledby="codes">
        <h2 id="codes">Codes</h2>
        {list.data.length === 0 ? (
          <p className="muted">No codes yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Takes off</th>
                <th scope="col">Rules</th>
                <th scope="col" className="num">
                  Used
                </th>
                <th scope="col" className="num">
                  Given
                </th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
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
                  <td>{c.kind === 'percent' ? `${c.value} %` : money(c.value, currency)}</td>
                  <td className="small">{rulesOf(c, currency, items)}</td>
                  <td className="num">
                    {c.timesUsed}
                    {c.maxUses !== null && ` / ${c.maxUses}`}
                  </td>
                  <td className="num">{money(c.givenCents, currency)}</td>
                  <td>
                    <span className={`status status--${c.state.replace(' ', '-')}`}>{c.state}</span>
                  </td>
                  <td className="actions">
                    {c.state !== 'ended' && (
                      <button
                        className="btn btn--small"
                        onClick={() =>
                          void act(`${c.code} ${c.isActive ? 'paused' : 'resumed'}`, () =>
                            change.mutateAsync({
                              id: c.id,
                              change: c.isActive ? 'pause' : 'resume',
                            }),
                          )
                        }
                      >
                        {c.isActive ? `Pause ${c.code}` : `Resume ${c.code}`}
                      </button>
                    )}
                    {c.state !== 'ended' && (
                      <button
                        className="btn btn--small btn--danger"
                        onClick={() =>
                          void act(`${c.code} ended`, () =>
                            change.mutateAsync({ id: c.id, change: 'end' }),
                          )
                        }
                      >
                        End {c.code}
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

function rulesOf(c: Code, currency: string, items: { id: string; name: string }[]): string {
  const rules = [
    c.minOrderCents > 0 && `orders of ${money(c.minOrderCents, currency)}+`,
    c.perGuestLimit !== null && `${c.perGuestLimit} per guest`,
    c.menuItemIds.length > 0 &&
      `only ${items
        .filter((i) => c.menuItemIds.includes(i.id))
        .map((i) => i.name)
        .join(', ')}`,
    c.validFrom && `from ${dateTime(c.validFrom)}`,
    c.validUntil && `until ${dateTime(c.validUntil)}`,
  ].filter(Boolean);
  return rules.length ? rules.join(' · ') : 'any order';
}
