import { z } from 'zod';

export const PickupSlotsInput = z.object({ storeSlug: z.string().trim().min(1).max(63) });
export type PickupSlotsInput = z.infer<typeof PickupSlotsInput>;
