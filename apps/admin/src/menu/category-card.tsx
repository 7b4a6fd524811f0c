import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { Act } from '../shared/feedback.tsx';
import type { Outputs } from '../shared/types.ts';
import { newItemDraft } from './item-draft.ts';
import type { ItemDraft } from './item-editor.tsx';
import { ItemRow } from './item-row.tsx';

type Menu = Outputs['menu']['forEditing'];

/** One category's items: price, cost, options, sold out or not, edit and remove. */
export function CategoryCard({
  category,
  stations,
  act,
  onEdit,
}: {
  category: Menu['categories'][number];
  stations: Menu['stations'];
  act: Act;
  onEdit: (draft: ItemDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const deleteCategory = useMutation(trpc.menu.deleteCategory.mutationOptions());
  const prep = stations.filter((s) => s.kind === 'prep');
  return (
    <section className="card" aria-label={category.name}>
      <div className="page-head--row">
        <h2>{category.name}</h2>
        <div className="actions">
          <button
            className="btn btn--small"
            disabled={prep.length === 0}
            onClick={() => onEdit(newItemDraft(category, prep[0]?.id ?? ''))}
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
            <ItemRow
              key={item.id}
              item={item}
              station={stations.find((s) => s.id === item.stationId)?.name ?? '?'}
              act={act}
              onEdit={onEdit}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
