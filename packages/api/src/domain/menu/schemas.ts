import { z } from 'zod';
import { inputError } from '../errors.ts';

export const MenuForStoreInput = z.object({ storeSlug: z.string().trim().min(1).max(63) });
export type MenuForStoreInput = z.infer<typeof MenuForStoreInput>;

export const SetAvailabilityInput = z.object({
  menuItemId: z.uuid(),
  isAvailable: z.boolean(),
});
export type SetAvailabilityInput = z.infer<typeof SetAvailabilityInput>;

const Money = z.number().int().min(0).max(1_000_000);

export const SaveCategoryInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(60),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type SaveCategoryInput = z.infer<typeof SaveCategoryInput>;

const ModifierInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(60),
  kitchenLabel: z.string().trim().max(40).optional(),
  priceDeltaCents: z.number().int().min(-100_000).max(100_000),
  isAvailable: z.boolean().default(true),
});

const GroupInput = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(60),
    minChoices: z.number().int().min(0).max(20),
    maxChoices: z.number().int().min(1).max(20),
    modifiers: z.array(ModifierInput).min(1, inputError('groupChoice')).max(30),
  })
  .refine((g) => g.maxChoices >= g.minChoices, {
    message: inputError('maxBelowMin'),
    path: ['maxChoices'],
  })
  .refine((g) => g.minChoices <= g.modifiers.length, {
    message: inputError('requiredChoices'),
    path: ['minChoices'],
  });

/** An item with its modifier groups, saved as a whole (groups and choices left out are removed). */
export const SaveItemInput = z.object({
  id: z.uuid().optional(),
  categoryId: z.uuid(),
  stationId: z.uuid(),
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  priceCents: Money,
  costCents: Money.default(0),
  prepSeconds: z
    .number()
    .int()
    .min(0)
    .max(4 * 3600)
    .default(600),
  allergens: z.array(z.string().trim().toLowerCase().min(1).max(30)).max(14).default([]),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  isAvailable: z.boolean().default(true),
  modifierGroups: z.array(GroupInput).max(10).default([]),
});
export type SaveItemInput = z.infer<typeof SaveItemInput>;

export const MenuIdInput = z.object({ id: z.uuid() });
export type MenuIdInput = z.infer<typeof MenuIdInput>;

export const SaveStationInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(40),
  kind: z.enum(['prep', 'expo']).default('prep'),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  /** Items the station can have on the go at once (kitchen load for pacing). */
  capacityItems: z.number().int().min(1).max(1000).default(12),
});
export type SaveStationInput = z.infer<typeof SaveStationInput>;
