import {
  cancelOrder,
  CancelOrderInput,
  placeOrder,
  PlaceOrderInput,
  previewOrder,
  PreviewOrderInput,
} from '../domain/orders/index.ts';
import { managerProcedure, publicProcedure, router } from '../trpc.ts';

export const orderRouter = router({
  preview: publicProcedure
    .input(PreviewOrderInput)
    .query(({ ctx, input }) => previewOrder({ ctx, input })),
  place: publicProcedure
    .input(PlaceOrderInput)
    .mutation(({ ctx, input }) => placeOrder({ ctx, input })),
  cancel: managerProcedure
    .input(CancelOrderInput)
    .mutation(({ ctx, input }) => cancelOrder({ ctx, input })),
});
