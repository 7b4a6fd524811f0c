import { z } from 'zod';

export const MenuForStoreInput = z.object({ storeSlug: z.string().trim().min(1).max(63) });
export type MenuForStoreInput = z.infer<typeof MenuForStoreInput>;

export const SetAvailabilityInput = z.object({
  menuItemId: z.uuid(),
  isAvailable: z.boolean(),
});
export type SetAvailabilityInput = z.infer<typeof SetAvailabilityInput>;
