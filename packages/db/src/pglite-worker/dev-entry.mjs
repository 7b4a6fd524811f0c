// The PGlite thread's entry when running from TypeScript sources (development, tests): a
// worker thread does not inherit tsx's loader, so it loads the worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
