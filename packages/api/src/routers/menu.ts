import {
  menuForStore,
  MenuForStoreInput,
  setAvailability,
  SetAvailabilityInput,
} from '../domain/menu/index.ts';
import { openMenuStream, StoreStreamInput } from '../domain/board/index.ts';
import { kitchenProcedure, publicProcedure, router, trackedBySeq } from '../trpc.ts';

export const menuRouter = router({
  forStore: publicProcedure
    .input(MenuForStoreInput)
    .query(({ ctx, input }) => menuForStore({ ctx, input })),
  onStore: publicProcedure
    .input(StoreStreamInput)
    .subscription(async ({ ctx, input, signal }) =>
      trackedBySeq(await openMenuStream({ ctx, input, ...(signal ? { signal } : {}) })),
    ),
  setAvailability: kitchenProcedure
    .input(SetAvailabilityInput)
    .mutation(({ ctx, input }) => setAvailability({ ctx, input })),
});
