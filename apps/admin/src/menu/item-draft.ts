import type { Outputs } from '../shared/types.ts';
import type { ItemDraft } from './item-editor.tsx';

type Menu = Outputs['menu']['forEditing'];
type Item = Menu['categories'][number]['items'][number];

/** A menu item as the editor's form starts from it. */
export const draftOf = (item: Item): ItemDraft => ({
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
