#!/usr/bin/env node
// `pnpm kds <command>`: the built server's command line (apps/server/dist/kds.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'apps',
  'server',
  'dist',
  'kds.js',
);
if (!existsSync(bundle)) {
  console.error('KDS is not built yet: run `pnpm build` first (it takes about a minute).');
  process.exit(1);
}
const { runKds } = await import(pathToFileURL(bundle).href);
await runKds(process.argv.slice(2));
