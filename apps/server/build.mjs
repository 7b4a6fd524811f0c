// `pnpm build` for the server: one plain-JavaScript bundle, `dist/kds.js`, run with `node`, and
// `dist/pglite-worker.js`, the thread embedded PGlite runs on. The workspace packages (@kds/api,
// @kds/db) are compiled in; everything from npm stays an import that `node_modules` answers, so
// it must be a dependency of this package (checked below). Beside the bundle: the SQL migrations
// and the three built apps, so `dist/` with `node_modules/` is the whole production artifact.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = join(here, 'dist');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runtime = Object.keys(manifest.dependencies ?? {});

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    kds: join(here, 'src', 'kds.ts'),
    // Embedded PGlite's thread, found beside the bundle by `PgliteOnThread`.
    'pglite-worker': join(root, 'packages', 'db', 'src', 'pglite-worker', 'worker.ts'),
  },
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  define: { __KDS_VERSION__: JSON.stringify(version) },
  // Every bare import that is not a workspace package is loaded from node_modules at run time.
  plugins: [
    {
      name: 'npm-packages-stay-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@kds/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
  // Some dependencies are CommonJS: give the bundle a `require` of its own.
  banner: {
    js: "import { createRequire as __kdsRequire } from 'node:module'; const require = __kdsRequire(import.meta.url);",
  },
});

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const packageOf = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');
const imported = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((i) => i.external && !builtins.has(i.path))
    .map((i) => packageOf(i.path)),
);
const undeclared = [...imported].filter((name) => !runtime.includes(name));
if (undeclared.length) {
  console.error(
    `The server bundle imports ${undeclared.join(', ')}, which apps/server/package.json does not ` +
      'list under "dependencies": add them (catalog: versions), or production cannot load them.',
  );
  process.exit(1);
}

cpSync(join(root, 'drizzle'), join(dist, 'drizzle'), { recursive: true });
for (const app of ['kitchen', 'tracker', 'admin']) {
  const built = join(root, 'apps', app, 'dist');
  if (!existsSync(join(built, 'index.html'))) {
    console.error(`apps/${app} is not built; \`pnpm build\` builds it before the server.`);
    process.exit(1);
  }
  cpSync(built, join(dist, 'public', app), { recursive: true });
}
console.log(`server bundle: dist/kds.js (KDS ${version}), ${imported.size} npm packages external`);
