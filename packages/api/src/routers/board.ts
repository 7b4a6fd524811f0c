import {
  boardForStore,
  BoardForStoreInput,
  openBoardStream,
  StoreStreamInput,
} from '../domain/board/index.ts';
import { publicProcedure, router, liveStream } from '../trpc.ts';

export const boardRouter = router({
  forStore: publicProcedure
    .input(BoardForStoreInput)
    .query(({ ctx, input }) => boardForStore({ ctx, input })),
  onStore: publicProcedure
    .input(StoreStreamInput)
    .subscription(({ ctx, input }) =>
      liveStream(ctx, 'board', (s) => openBoardStream({ ctx, input, ...s })),
    ),
});
