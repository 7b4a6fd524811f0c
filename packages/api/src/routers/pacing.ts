import { PacingChangeInput, pacingStatus, updatePacing } from '../domain/pacing/index.ts';
import { kitchenProcedure, router } from '../trpc.ts';

/** Pausing, quoting and throttling online orders at peak (the verb says who may change them). */
export const pacingRouter = router({
  status: kitchenProcedure.query(({ ctx }) => pacingStatus({ ctx })),
  update: kitchenProcedure
    .input(PacingChangeInput)
    .mutation(({ ctx, input }) => updatePacing({ ctx, input })),
});
