import {
  getTrackedOrder,
  openTrackerStream,
  TrackerGetInput,
  TrackerOnOrderInput,
} from '../domain/tracker/index.ts';
import { publicProcedure, router, trackedBySeq } from '../trpc.ts';

export const trackerRouter = router({
  get: publicProcedure
    .input(TrackerGetInput)
    .query(({ ctx, input }) => getTrackedOrder({ ctx, input })),
  onOrder: publicProcedure
    .input(TrackerOnOrderInput)
    .subscription(async ({ ctx, input, signal }) =>
      trackedBySeq(
        await openTrackerStream({ ctx, input, ...(signal ? { signal } : {}) }),
        'tracker',
      ),
    ),
});
