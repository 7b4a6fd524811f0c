import type { Outputs } from '../shared/types.ts';
import type { ItemDraft } from './item-editor.tsx';

type Menu = Outputs['menu']['forEditing'];
type Category = Menu['categories'][number];
type Item = Category['items'][number];

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

/** A new item at the end of a category, cooked at the given station until the manager says. */
export const newItemDraft = (category: Category, stationId: string): ItemDraft => ({
  categoryId: category.id,
  stationId,
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
});
