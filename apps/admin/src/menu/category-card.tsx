import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { useAction } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';
import { draftOf } from './item-draft.ts';
import type { ItemDraft } from './item-editor.tsx';

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
  act: ReturnType<typeof useAction>['act'];
  onEdit: (draft: ItemDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  const trpc = useTRPC();
  const deleteCategory = useMutation(trpc.menu.deleteCategory.mutationOptions());
  const setAvailability = useMutation(trpc.menu.setAvailability.mutationOptions());
  const deleteItem = useMutation(trpc.menu.deleteItem.mutationOptions());
  const stationName = (id: string) => stations.find((s) => s.id === id)?.name ?? '?';
  const prep = stations.filter((s) => s.kind === 'prep');
  return (
    <section className="card" aria-label={category.name}>
      <div className="page-head--row">
        <h2>{category.name}</h2>
        <div className="actions">
          <button
            className="btn btn--small"
            disabled={prep.length === 0}
            onClick={() =>
              onEdit({
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
                  <button className="btn btn--small" onClick={() => onEdit(draftOf(item))}>
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
  );
}
