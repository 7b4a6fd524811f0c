import { menuForStore, MenuForStoreInput } from '../domain/menu/index.ts';
import { publicProcedure, router } from '../trpc.ts';

export const menuRouter = router({
  forStore: publicProcedure
    .input(MenuForStoreInput)
    .query(({ ctx, input }) => menuForStore({ ctx, input })),
});
