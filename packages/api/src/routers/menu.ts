import {
  menuForStore,
  MenuForStoreInput,
  setAvailability,
  SetAvailabilityInput,
} from '../domain/menu/index.ts';
import { kitchenProcedure, publicProcedure, router } from '../trpc.ts';

export const menuRouter = router({
  forStore: publicProcedure
    .input(MenuForStoreInput)
    .query(({ ctx, input }) => menuForStore({ ctx, input })),
  setAvailability: kitchenProcedure
    .input(SetAvailabilityInput)
    .mutation(({ ctx, input }) => setAvailability({ ctx, input })),
});
