export { openTrackerStream } from './open-tracker-stream.ts';
export {
  findTrackedOrder,
  getTrackedOrder,
  toTrackerUpdate,
  type TrackerUpdate,
} from './get-tracked-order.ts';
export { TrackerGetInput, TrackerOnOrderInput } from './schemas.ts';
