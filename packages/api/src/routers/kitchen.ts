import {
  KitchenOnEventInput,
  KitchenTicketsInput,
  listTickets,
  openKitchenStream,
} from '../domain/kitchen/index.ts';
import { kitchenProcedure, router, trackedBySeq } from '../trpc.ts';

export const kitchenRouter = router({
  tickets: kitchenProcedure
    .input(KitchenTicketsInput)
    .query(({ ctx, input }) => listTickets({ ctx, input })),
  onEvent: kitchenProcedure
    .input(KitchenOnEventInput)
    .subscription(async ({ ctx, input, signal }) =>
      trackedBySeq(await openKitchenStream({ ctx, input, ...(signal ? { signal } : {}) })),
    ),
});
