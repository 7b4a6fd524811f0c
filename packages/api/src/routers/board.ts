import {
  boardForStore,
  BoardForStoreInput,
  openBoardStream,
  StoreStreamInput,
} from '../domain/board/index.ts';
import { publicProcedure, router, trackedBySeq } from '../trpc.ts';

export const boardRouter = router({
  forStore: publicProcedure
    .input(BoardForStoreInput)
    .query(({ ctx, input }) => boardForStore({ ctx, input })),
  onStore: publicProcedure
    .input(StoreStreamInput)
    .subscription(async ({ ctx, input, signal }) =>
      trackedBySeq(await openBoardStream({ ctx, input, ...(signal ? { signal } : {}) }), 'board'),
    ),
});
