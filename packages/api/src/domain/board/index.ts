export {
  boardForStore,
  toBoardChange,
  type BoardChange,
  type BoardColumn,
} from './board-for-store.ts';
export { openBoardStream, openMenuStream } from './open-store-streams.ts';
export { BoardForStoreInput, StoreStreamInput } from './schemas.ts';
