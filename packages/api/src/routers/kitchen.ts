import {
  ackEvents,
  AckEventsInput,
  KitchenOnEventInput,
  KitchenTicketsInput,
  kitchenConfig,
  listTickets,
  openKitchenStream,
} from '../domain/kitchen/index.ts';
import { kitchenProcedure, router, liveStream } from '../trpc.ts';

export const kitchenRouter = router({
  config: kitchenProcedure.query(({ ctx }) => kitchenConfig({ ctx })),
  tickets: kitchenProcedure
    .input(KitchenTicketsInput)
    .query(({ ctx, input }) => listTickets({ ctx, input })),
  onEvent: kitchenProcedure
    .input(KitchenOnEventInput)
    .subscription(({ ctx, input }) =>
      liveStream(ctx, 'kitchen', (s) => openKitchenStream({ ctx, input, ...s })),
    ),
  ack: kitchenProcedure
    .input(AckEventsInput)
    .mutation(({ ctx, input }) => ackEvents({ ctx, input })),
});
