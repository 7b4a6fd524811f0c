import { useTRPC, useTRPCClient } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { money } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { ItemEditor, type ItemDraft } from './item-editor.tsx';
import { StationsCard } from './stations-card.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';

type Menu = Outputs['menu']['forEditing'];
type Item = Menu['categories'][number]['items'][number];

const draftOf = (item: Item): ItemDraft => ({
  id: item.id,
  categoryId: item.categoryId,
  stationId: item.stationId,
  name: item.name,
  description: item.description,
  priceCents: item.priceCents,
  costCents: item.costCents,
  prepSeconds: item.prepSeconds,
  allergens: item.allergens,
  imageUrl: item.imageUrl,
  sortOrder: item.sortOrder,
  isAvailable: item.isAvailable,
  modifierGroups: item.modifierGroups.map((g) => ({
    id: g.id,
    name: g.name,
    minChoices: g.minChoices,
    maxChoices: g.maxChoices,
    modifiers: g.modifiers.map((m) => ({
      id: m.id,
      name: m.name,
      kitchenLabel: m.kitchenLabel ?? '',
      priceDeltaCents: m.priceDeltaCents,
      isAvailable: m.isAvailable,
    })),
  })),
});

/** Categories and items, each item routed to a station; availability is live for everyone. */
export function MenuPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const menu = useQuery(trpc.menu.forEditing.queryOptions());
  const [editing, setEditing] = useState<ItemDraft | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.menu.pathFilter());
  const { outcome, act } = useAction(refresh);

  if (menu.error) return <Problem error={menu.error} />;
  if (!menu.data) return <Loading />;
  const { categories, stations } = menu.data;
  const stationName = (id: string) => stations.find((s) => s.id === id)?.name ?? '?';
  const prep = stations.filter((s) => s.kind === 'prep');

  const addCategory = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name'));
    void act(`Category "${name}" added`, async () => {
      await client.menu.saveCategory.mutate({ name, sortOrder: categories.length });
      form.reset();
    });
  };

  return (
    <>
      <header className="page-head">
        <h1>Menu</h1>
        <p className="muted">
          Sold-out switches reach guests and kitchen screens at once; other edits show on the next
          menu load.
        </p>
      </header>
      <Notice outcome={outcome} />
      {editing && (
        <ItemEditor
          draft={editing}
          categories={categories.map((c) => ({ id: c.id, name: c.name }))}
          stations={prep}
          currency={menu.data.currency}
          onCancel={() => setEditing(null)}
          onSave={async (draft) => {
            const ok = await act(`"${draft.name}" saved`, () => client.menu.saveItem.mutate(draft));
            if (ok) setEditing(null);
          }}
        />
      )}
      {categories.map((category) => (
        <section key={category.id} className="card" aria-label={category.name}>
          <div className="page-head--row">
            <h2>{category.name}</h2>
            <div className="actions">
              <button
                className="btn btn--small"
                disabled={prep.length === 0}
                onClick={() =>
                  setEditing({
                    categoryId: category.id,
                    stationId: prep[0]?.id ?? '',
                    name: '',
                    description: '',
                    priceCents: 0,
                    costCents: 0,
                    prepSeconds: 600,
                    allergens: [],
                    imageUrl: null,
                    sortOrder: category.items.length,
                    isAvailable: true,
                    modifierGroups: [],
                  })
                }
              >
                Add item to {category.name}
              </button>
              {category.items.length === 0 && (
                <button
                  className="btn btn--small btn--danger"
                  onClick={() =>
                    void act(`Category "${category.name}" removed`, () =>
                      client.menu.deleteCategory.mutate({ id: category.id }),
                    )
                  }
                >
                  Remove category
                </button>
              )}
            </div>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Station</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Cost
                </th>
                <th scope="col">Options</th>
                <th scope="col">Available</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {category.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <strong>{item.name}</strong>
                    {item.allergens.length > 0 && (
                      <div className="small muted">contains {item.allergens.join(', ')}</div>
                    )}
                  </td>
                  <td>{stationName(item.stationId)}</td>
                  <td className="num">{money(item.priceCents)}</td>
                  <td className="num">{money(item.costCents)}</td>
                  <td className="small">
                    {item.modifierGroups
                      .map((g) => `${g.name} (${g.modifiers.length})`)
                      .join(', ') || '—'}
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={item.isAvailable}
                        onChange={(e) =>
                          void act(
                            `"${item.name}" ${e.target.checked ? 'back on' : 'sold out'}`,
                            () =>
                              client.menu.setAvailability.mutate({
                                menuItemId: item.id,
                                isAvailable: e.target.checked,
                              }),
                          )
                        }
                      />
                      <span className="sr-only">{item.name} available</span>
                      {item.isAvailable ? 'on' : 'sold out'}
                    </label>
                  </td>
                  <td>
                    <div className="actions">
                      <button className="btn btn--small" onClick={() => setEditing(draftOf(item))}>
                        Edit {item.name}
                      </button>
                      <button
                        className="btn btn--small btn--danger"
                        onClick={() => {
                          if (window.confirm(`Remove "${item.name}" from the menu?`)) {
                            void act(`"${item.name}" removed`, () =>
                              client.menu.deleteItem.mutate({ id: item.id }),
                            );
                          }
                        }}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className="card" aria-labelledby="new-category">
        <h2 id="new-category">New category</h2>
        <form className="filters" onSubmit={addCategory}>
          <label className="field field--grow">
            <span>Category name</span>
            <input name="name" required maxLength={60} />
          </label>
          <button className="btn">Add category</button>
        </form>
      </section>
      <StationsCard stations={stations} onChanged={refresh} />
    </>
  );
}
