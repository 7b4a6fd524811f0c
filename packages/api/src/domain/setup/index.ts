export { addStore } from './add-store.ts';
export {
  createFirstStore,
  issueSetupCode,
  needsFirstRun,
  setupFromCommandLine,
} from './first-run.ts';
export { FirstRunInput, NewOwnerInput, NewStoreInput } from './schemas.ts';
