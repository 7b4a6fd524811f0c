import {
  addToOrder,
  AddToOrderInput,
  cancelOrder,
  CancelOrderInput,
  completeOrder,
  CompleteOrderInput,
  placeOrder,
  PlaceOrderInput,
  previewOrder,
  PreviewOrderInput,
} from '../domain/orders/index.ts';
import { payOrder, PayOrderInput } from '../domain/payments/index.ts';
import { pickupSlots, PickupSlotsInput } from '../domain/stores/index.ts';
import {
  kitchenProcedure,
  limitFailures,
  managerProcedure,
  publicProcedure,
  router,
} from '../trpc.ts';

export const orderRouter = router({
  pickupSlots: publicProcedure
    .input(PickupSlotsInput)
    .query(({ ctx, input }) => pickupSlots({ ctx, input })),
  preview: publicProcedure
    .input(PreviewOrderInput)
    .query(({ ctx, input }) => previewOrder({ ctx, input })),
  place: publicProcedure
    .input(PlaceOrderInput)
    .mutation(({ ctx, input }) => placeOrder({ ctx, input })),
  addItems: publicProcedure
    .input(AddToOrderInput)
    .mutation(({ ctx, input }) => addToOrder({ ctx, input })),
  complete: kitchenProcedure
    .use(limitFailures((limits) => limits.pickupCode))
    .input(CompleteOrderInput)
    .mutation(({ ctx, input }) => completeOrder({ ctx, input })),
  pay: publicProcedure.input(PayOrderInput).mutation(({ ctx, input }) => payOrder({ ctx, input })),
  cancel: managerProcedure
    .input(CancelOrderInput)
    .mutation(({ ctx, input }) => cancelOrder({ ctx, input })),
});
