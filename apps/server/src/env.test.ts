import { describe, expect, test } from 'vitest';
import { EnvError, loadEnv } from './env.ts';

describe('loadEnv', () => {
  test('has defaults that run on embedded PGlite with the demo seed', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, SEED_DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toMatch(/\.data$/);
  });

  test('does not seed the demo store in production unless asked', () => {
    const production = { NODE_ENV: 'production', PICKUP_CODE_PEPPER: 'p'.repeat(32) };
    expect(loadEnv(production).SEED_DEMO).toBe(false);
    expect(loadEnv({ ...production, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
  });

  test('TRUST_PROXY: unset, any proxy, a number of hops, or a list of addresses', () => {
    expect(loadEnv({}).TRUST_PROXY).toBeUndefined();
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  test('production needs a pickup-code secret', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/PICKUP_CODE_PEPPER/);
  });

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/kds'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_DEMO', 'yes'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got "${value}"\\)`));
  });
});
