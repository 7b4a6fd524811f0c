import {
  getTrackedOrder,
  openTrackerStream,
  TrackerGetInput,
  TrackerOnOrderInput,
} from '../domain/tracker/index.ts';
import { publicProcedure, router, liveStream } from '../trpc.ts';

export const trackerRouter = router({
  get: publicProcedure
    .input(TrackerGetInput)
    .query(({ ctx, input }) => getTrackedOrder({ ctx, input })),
  onOrder: publicProcedure
    .input(TrackerOnOrderInput)
    .subscription(({ ctx, input }) =>
      liveStream(ctx, 'tracker', (s) => openTrackerStream({ ctx, input, ...s })),
    ),
});
