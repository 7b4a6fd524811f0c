import {
  deleteCategory,
  deleteItem,
  deleteStation,
  menuForEditing,
  menuForStore,
  MenuForStoreInput,
  MenuIdInput,
  saveCategory,
  SaveCategoryInput,
  saveItem,
  SaveItemInput,
  saveStation,
  SaveStationInput,
  setAvailability,
  SetAvailabilityInput,
} from '../domain/menu/index.ts';
import { openMenuStream, StoreStreamInput } from '../domain/board/index.ts';
import {
  kitchenProcedure,
  managerProcedure,
  publicProcedure,
  router,
  liveStream,
} from '../trpc.ts';

export const menuRouter = router({
  forStore: publicProcedure
    .input(MenuForStoreInput)
    .query(({ ctx, input }) => menuForStore({ ctx, input })),
  onStore: publicProcedure
    .input(StoreStreamInput)
    .subscription(({ ctx, input }) =>
      liveStream(ctx, 'menu', (s) => openMenuStream({ ctx, input, ...s })),
    ),
  setAvailability: kitchenProcedure
    .input(SetAvailabilityInput)
    .mutation(({ ctx, input }) => setAvailability({ ctx, input })),
  /** The menu editor (managers): the whole menu with costs, and one save per thing. */
  forEditing: managerProcedure.query(({ ctx }) => menuForEditing({ ctx })),
  saveCategory: managerProcedure
    .input(SaveCategoryInput)
    .mutation(({ ctx, input }) => saveCategory({ ctx, input })),
  deleteCategory: managerProcedure
    .input(MenuIdInput)
    .mutation(({ ctx, input }) => deleteCategory({ ctx, input })),
  saveItem: managerProcedure
    .input(SaveItemInput)
    .mutation(({ ctx, input }) => saveItem({ ctx, input })),
  deleteItem: managerProcedure
    .input(MenuIdInput)
    .mutation(({ ctx, input }) => deleteItem({ ctx, input })),
  saveStation: managerProcedure
    .input(SaveStationInput)
    .mutation(({ ctx, input }) => saveStation({ ctx, input })),
  deleteStation: managerProcedure
    .input(MenuIdInput)
    .mutation(({ ctx, input }) => deleteStation({ ctx, input })),
});
