// Which KDS server a benchmark starts. By default the production bundle, `dist/kds.js` (what an
// owner runs; `pnpm build` first); with SERVER=source, the TypeScript sources through tsx. The
// two differ: tsx compiles with esbuild's `keepNames`, which gives every closure a `name`
// property of its own (more heap per connection, more CPU per event than the bundle).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Node's arguments to start the server of the checkout at `tree`, run from `tree/apps/server`. */
export function kdsServerArgs(tree: string): string[] {
  if (process.env.SERVER === 'source') return ['--import', 'tsx', 'src/main.ts'];
  const bundle = join(tree, 'apps/server/dist/kds.js');
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: run \`pnpm build\` in ${tree}, or set SERVER=source`);
  }
  return [bundle, 'start'];
}
