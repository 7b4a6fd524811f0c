export { orderingFor, pacingStatus } from './pacing-status.ts';
export { PacingChangeInput } from './schemas.ts';
export { updatePacing } from './update-pacing.ts';
