import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useMutation } from '@tanstack/react-query';
import type { Act } from '../shared/feedback.tsx';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';
import { draftOf } from './item-draft.ts';
import type { ItemDraft } from './item-editor.tsx';

type Item = Outputs['menu']['forEditing']['categories'][number]['items'][number];

/** One item of a category's table: price, cost, options, sold out or not, edit and remove. */
export function ItemRow({
  item,
  station,
  act,
  onEdit,
}: {
  item: Item;
  /** The name of the station that cooks it. */
  station: string;
  act: Act;
  onEdit: (draft: ItemDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const { money } = useAdminFormat();
  return (
    <tr>
      <td>
        <strong>{item.name}</strong>
        {item.allergens.length > 0 && (
          <div className="small muted">
            {t('menu.contains', { allergens: item.allergens.join(', ') })}
          </div>
        )}
      </td>
      <td>{station}</td>
      <td className="num">{money(item.priceCents)}</td>
      <td className="num">{money(item.costCents)}</td>
      <td className="small">
        {item.modifierGroups
          .map((g) => t('menu.group', { name: g.name, count: g.modifiers.length }))
          .join(', ') || '—'}
      </td>
      <td>
        <Availability item={item} act={act} />
      </td>
      <td>
        <ItemCommands item={item} act={act} onEdit={onEdit} />
      </td>
    </tr>
  );
}

/** Sold out or on the menu, in one tick. */
function Availability({ item, act }: { item: Item; act: Act }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const setAvailability = useMutation(trpc.menu.setAvailability.mutationOptions());
  return (
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
  );
}

/** Edit the item, or remove it after a confirmation. */
function ItemCommands({
  item,
  act,
  onEdit,
}: {
  item: Item;
  act: Act;
  onEdit: (draft: ItemDraft) => void;
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const deleteItem = useMutation(trpc.menu.deleteItem.mutationOptions());
  return (
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
  );
}
