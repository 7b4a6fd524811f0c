import {
  addToOrder,
  AddToOrderInput,
  cancelOrder,
  CancelOrderInput,
  completeOrder,
  CompleteOrderInput,
  deliveriesOnTheRoad,
  dispatchOrder,
  DispatchOrderInput,
  enterOrder,
  EnterOrderInput,
  placeOrder,
  PlaceOrderInput,
  previewOrder,
  PreviewOrderInput,
} from '../domain/orders/index.ts';
import { payOrder, PayOrderInput } from '../domain/payments/index.ts';
import {
  listOrders,
  openStoreStream,
  orderDetail,
  OrderDetailInput,
  OrderListInput,
  StoreEventsInput,
} from '../domain/admin/index.ts';
import { pickupSlots, PickupSlotsInput } from '../domain/stores/index.ts';
import {
  alone,
  kitchenProcedure,
  limitCalls,
  limitCodeGuesses,
  limitFailures,
  managerProcedure,
  publicProcedure,
  router,
  liveStream,
} from '../trpc.ts';

export const orderRouter = router({
  pickupSlots: publicProcedure
    .input(PickupSlotsInput)
    .query(({ ctx, input }) => pickupSlots({ ctx, input })),
  preview: publicProcedure
    .input(PreviewOrderInput)
    .use(limitCodeGuesses)
    .query(({ ctx, input }) => previewOrder({ ctx, input })),
  place: publicProcedure
    .use(limitCalls((limits) => limits.placeOrder, 'limits.orders'))
    .input(PlaceOrderInput)
    .use(limitCodeGuesses)
    .mutation(({ ctx, input }) => placeOrder({ ctx, input })),
  /** A phone order or a walk-in, keyed in by a manager or at the expo screen. */
  enter: kitchenProcedure
    .use(limitCalls((limits) => limits.placeOrder, 'limits.screenOrders'))
    .input(EnterOrderInput)
    .mutation(({ ctx, input }) => enterOrder({ ctx, input })),
  addItems: publicProcedure
    .input(AddToOrderInput)
    .mutation(({ ctx, input }) => addToOrder({ ctx, input })),
  complete: kitchenProcedure
    .use(alone)
    .use(limitFailures((limits) => limits.pickupCode, 'client', 'limits.pickupCodes'))
    .input(CompleteOrderInput)
    .mutation(({ ctx, input }) => completeOrder({ ctx, input })),
  /** A ready delivery leaves with its driver; the pass (manager or expo screen) sends it. */
  dispatch: kitchenProcedure
    .input(DispatchOrderInput)
    .mutation(({ ctx, input }) => dispatchOrder({ ctx, input })),
  /** Deliveries out with a driver, for the pass to mark delivered. */
  onTheRoad: kitchenProcedure.query(({ ctx }) => deliveriesOnTheRoad({ ctx })),
  pay: publicProcedure.input(PayOrderInput).mutation(({ ctx, input }) => payOrder({ ctx, input })),
  /** The admin console: the store's orders, one order's whole story, and what changes live. */
  list: managerProcedure
    .input(OrderListInput)
    .query(({ ctx, input }) => listOrders({ ctx, input })),
  detail: managerProcedure
    .input(OrderDetailInput)
    .query(({ ctx, input }) => orderDetail({ ctx, input })),
  onStore: managerProcedure
    .input(StoreEventsInput)
    .subscription(({ ctx, input }) =>
      liveStream(ctx, 'store', (s) => openStoreStream({ ctx, input, ...s })),
    ),
  cancel: managerProcedure
    .input(CancelOrderInput)
    .mutation(({ ctx, input }) => cancelOrder({ ctx, input })),
});
