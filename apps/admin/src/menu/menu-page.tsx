import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAdminFormat } from '../shared/format.ts';
import { Loading, Problem } from '../shared/states.tsx';
import { ItemEditor, type ItemDraft } from './item-editor.tsx';
import { draftOf } from './item-draft.ts';
import { StationsCard } from './stations-card.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';

/** Categories and items, each item routed to a station; availability is live for everyone. */
export function MenuPage() {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const trpc = useTRPC();
  const saveCategory = useMutation(trpc.menu.saveCategory.mutationOptions());
  const saveItem = useMutation(trpc.menu.saveItem.mutationOptions());
  const deleteCategory = useMutation(trpc.menu.deleteCategory.mutationOptions());
  const setAvailability = useMutation(trpc.menu.setAvailability.mutationOptions());
  const deleteItem = useMutation(trpc.menu.deleteItem.mutationOptions());
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
    void act(t('menu.categoryAdded', { name }), async () => {
      await saveCategory.mutateAsync({ name, sortOrder: categories.length });
      form.reset();
    });
  };

  return (
    <>
      <header className="page-head">
        <h1>{t('menu.title')}</h1>
        <p className="muted">{t('menu.intro')}</p>
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
            const ok = await act(t('menu.saved', { name: draft.name }), () =>
              saveItem.mutateAsync(draft),
            );
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
                {t('menu.addItem', { category: category.name })}
              </button>
              {category.items.length === 0 && (
                <button
                  className="btn btn--small btn--danger"
                  onClick={() =>
                    void act(t('menu.categoryRemoved', { name: category.name }), () =>
                      deleteCategory.mutateAsync({ id: category.id }),
                    )
                  }
                >
                  {t('menu.removeCategory')}
                </button>
              )}
            </div>
          </div>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('menu.item')}</th>
                <th scope="col">{t('menu.station')}</th>
                <th scope="col" className="num">
                  {t('menu.price')}
                </th>
                <th scope="col" className="num">
                  {t('menu.cost')}
                </th>
                <th scope="col">{t('menu.options')}</th>
                <th scope="col">{t('menu.available')}</th>
                <th scope="col">
                  <span className="sr-only">{t('menu.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {category.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <strong>{item.name}</strong>
                    {item.allergens.length > 0 && (
                      <div className="small muted">
                        {t('menu.contains', { allergens: item.allergens.join(', ') })}
                      </div>
                    )}
                  </td>
                  <td>{stationName(item.stationId)}</td>
                  <td className="num">{money(item.priceCents)}</td>
                  <td className="num">{money(item.costCents)}</td>
                  <td className="small">
                    {item.modifierGroups
                      .map((g) => t('menu.group', { name: g.name, count: g.modifiers.length }))
                      .join(', ') || '—'}
                  </td>
                  <td>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={item.isAvailable}
                        onChange={(e) =>
                          void act(
                            t(e.target.checked ? 'menu.backOn' : 'menu.soldOut', {
                              name: item.name,
                            }),
                            () =>
                              setAvailability.mutateAsync({
                                menuItemId: item.id,
                                isAvailable: e.target.checked,
                              }),
                          )
                        }
                      />
                      <span className="sr-only">{t('menu.isAvailable', { name: item.name })}</span>
                      {item.isAvailable ? t('menu.on') : t('menu.off')}
                    </label>
                  </td>
                  <td>
                    <div className="actions">
                      <button className="btn btn--small" onClick={() => setEditing(draftOf(item))}>
                        {t('menu.edit', { name: item.name })}
                      </button>
                      <button
                        className="btn btn--small btn--danger"
                        onClick={() => {
                          if (window.confirm(t('menu.removeSure', { name: item.name }))) {
                            void act(t('menu.removed', { name: item.name }), () =>
                              deleteItem.mutateAsync({ id: item.id }),
                            );
                          }
                        }}
                      >
                        {t('menu.remove')}
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
        <h2 id="new-category">{t('menu.newCategory')}</h2>
        <form className="filters" onSubmit={addCategory}>
          <label className="field field--grow">
            <span>{t('menu.categoryName')}</span>
            <input name="name" required maxLength={60} />
          </label>
          <button className="btn">{t('menu.addCategory')}</button>
        </form>
      </section>
      <StationsCard stations={stations} onChanged={refresh} />
    </>
  );
}
