import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_PEPPER, loadEnv } from './env.ts';

const file = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const SCHEMA_KEYS = [...file('apps/server/src/env.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map(
  (m) => m[1],
);

describe('the deploy files', () => {
  test('.env.example names every setting, and refuses to start until its secret is replaced', () => {
    const example = file('.env.example');
    const named = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(SCHEMA_KEYS.length).toBeGreaterThan(30);
    expect(SCHEMA_KEYS.filter((key) => !named.includes(key))).toEqual([]);

    const values = parseEnv(example);
    expect(values.PICKUP_CODE_PEPPER).toBe(EXAMPLE_PEPPER);
    expect(() => loadEnv(values)).toThrow(/PICKUP_CODE_PEPPER/);
    const filledIn = loadEnv({ ...values, PICKUP_CODE_PEPPER: 'f'.repeat(64) });
    expect(filledIn).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/var/lib/kds/db' });
  });

  test('systemd, Docker and the README start what the build produces, the way CI starts it', () => {
    expect(file('deploy/kds.service')).toMatch(
      /^ExecStart=\/usr\/bin\/node \/opt\/kds\/apps\/server\/dist\/kds\.js start$/m,
    );
    const dockerfile = file('Dockerfile');
    expect(dockerfile).toContain(
      'ENTRYPOINT ["/usr/bin/tini", "--", "node", "/opt/kds/dist/kds.js"]',
    );
    expect(dockerfile).toContain('CMD ["start"]');
    expect(dockerfile).toContain('pnpm --filter @kds/server deploy --prod');
    // The e2e go-live test and `npm start` run the same file.
    expect(file('e2e/support/install.ts')).toContain("'../../apps/server/dist/kds.js'");
    expect(file('scripts/bootstrap.mjs')).toContain("'dist', 'kds.js'), 'start'");
    expect(file('compose.yaml')).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile');
  });
});
