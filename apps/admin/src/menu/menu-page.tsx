import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Loading, Problem } from '../shared/states.tsx';
import { ItemEditor, type ItemDraft } from './item-editor.tsx';
import { CategoryCard } from './category-card.tsx';
import { StationsCard } from './stations-card.tsx';
import { Notice, useAction } from '../shared/feedback.tsx';

/** Categories and items, each item routed to a station; availability is live for everyone. */
export function MenuPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const saveCategory = useMutation(trpc.menu.saveCategory.mutationOptions());
  const saveItem = useMutation(trpc.menu.saveItem.mutationOptions());
  const queryClient = useQueryClient();
  const menu = useQuery(trpc.menu.forEditing.queryOptions());
  const [editing, setEditing] = useState<ItemDraft | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.menu.pathFilter());
  const { outcome, act } = useAction(refresh);

  if (menu.error) return <Problem error={menu.error} />;
  if (!menu.data) return <Loading />;
  const { categories, stations } = menu.data;
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
        <CategoryCard
          key={category.id}
          category={category}
          stations={stations}
          act={act}
          onEdit={setEditing}
        />
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
