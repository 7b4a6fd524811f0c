import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Set by the production build (apps/server/build.mjs); absent when run from source. */
declare const __KDS_VERSION__: string | undefined;

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * Where the server finds what is not code. Built (`dist/kds.js`), everything sits beside the
 * bundle: `dist/drizzle`, `dist/public/<app>`. From source, the repository's own folders.
 */
const bundled = existsSync(here('./drizzle'));

export const paths = {
  migrations: bundled ? here('./drizzle') : here('../../../drizzle'),
  app: (name: 'kitchen' | 'tracker' | 'admin') =>
    bundled ? here(`./public/${name}`) : here(`../../${name}/dist`),
};

/** The release, as in the root package.json: shown in /healthz and the admin console. */
export const KDS_VERSION: string =
  typeof __KDS_VERSION__ === 'string'
    ? __KDS_VERSION__
    : (JSON.parse(readFileSync(here('../../../package.json'), 'utf8')) as { version: string })
        .version;
