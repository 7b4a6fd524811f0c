import { z } from 'zod';

const cursor = z
  .string()
  .regex(/^\d{1,15}$/)
  .nullish();

export const StoreStreamInput = z.object({
  storeSlug: z.string().trim().min(1).max(63),
  lastEventId: cursor,
});
export type StoreStreamInput = z.infer<typeof StoreStreamInput>;

export const BoardForStoreInput = z.object({ storeSlug: z.string().trim().min(1).max(63) });
export type BoardForStoreInput = z.infer<typeof BoardForStoreInput>;
