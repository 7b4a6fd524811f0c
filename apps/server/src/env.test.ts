import { describe, expect, test } from 'vitest';
import { DEVELOPMENT_PEPPER, EnvError, loadEnv } from './env.ts';

const production = {
  NODE_ENV: 'production',
  PICKUP_CODE_PEPPER: 'p'.repeat(32),
  PUBLIC_URL: 'https://kds.example.com',
  DATA_DIR: '/var/lib/kds/db',
};

describe('loadEnv', () => {
  test('development: embedded PGlite with the demo seed, cookies not Secure', () => {
    const env = loadEnv({ NODE_ENV: 'development' });
    expect(env).toMatchObject({ PORT: 3000, SEED_DEMO: true, COOKIE_SECURE: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toMatch(/\.data$/);
  });

  test('without NODE_ENV it is production, and production needs its secrets', () => {
    expect(() => loadEnv({})).toThrow(/PICKUP_CODE_PEPPER/);
    expect(() => loadEnv({})).toThrow(/PUBLIC_URL/);
    const env = loadEnv(production);
    expect(env).toMatchObject({ NODE_ENV: 'production', SEED_DEMO: false, COOKIE_SECURE: true });
    expect(env.ALLOW_SIMULATED_PAYMENTS).toBe(false);
  });

  test('production says where the embedded database lives, or uses PostgreSQL', () => {
    const { DATA_DIR: _dir, ...withoutDir } = production;
    expect(() => loadEnv(withoutDir)).toThrow(/DATA_DIR/);
    expect(loadEnv({ ...withoutDir, DATABASE_URL: 'postgres://kds@db/kds' }).DATABASE_URL).toBe(
      'postgres://kds@db/kds',
    );
  });

  test('production refuses the demo seed and the development pickup-code secret', () => {
    expect(() => loadEnv({ ...production, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
    expect(() => loadEnv({ ...production, PICKUP_CODE_PEPPER: DEVELOPMENT_PEPPER })).toThrow(
      /PICKUP_CODE_PEPPER/,
    );
  });

  test('delivery addresses are placed by one service: a postcode service or a geocoder', () => {
    const dev = { NODE_ENV: 'development' };
    expect(loadEnv({ ...dev, GEOCODER_URL: 'https://geo.example/' }).GEOCODER_URL).toBe(
      'https://geo.example/',
    );
    expect(() =>
      loadEnv({
        ...dev,
        GEOCODER_URL: 'https://geo.example/',
        POSTCODE_API_URL: 'https://api.postcodes.io/',
      }),
    ).toThrow(/GEOCODER_URL: set it or POSTCODE_API_URL, not both/);
  });

  test('DATABASE_REPLICA_URL: a replica of DATABASE_URL, read within a bound of 30 s by default', () => {
    const dev = { NODE_ENV: 'development' };
    expect(() => loadEnv({ ...dev, DATABASE_REPLICA_URL: 'postgres://kds@replica/kds' })).toThrow(
      /DATABASE_REPLICA_URL: a replica of what\? Set DATABASE_URL/,
    );
    const env = loadEnv({
      ...dev,
      DATABASE_URL: 'postgres://kds@primary/kds',
      DATABASE_REPLICA_URL: 'postgres://kds@replica/kds',
    });
    expect(env.DATABASE_REPLICA_MAX_LAG_SECONDS).toBe(30);
  });

  test('TRUST_PROXY: unset, any proxy, a number of hops, or a list of addresses', () => {
    const dev = { NODE_ENV: 'development' };
    expect(loadEnv(dev).TRUST_PROXY).toBeUndefined();
    expect(loadEnv({ ...dev, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ ...dev, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadEnv({ ...dev, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  test('WEBHOOK_ALLOWED_NETWORKS takes CIDR networks only', () => {
    const dev = { NODE_ENV: 'development' };
    expect(
      loadEnv({ ...dev, WEBHOOK_ALLOWED_NETWORKS: '192.168.1.0/24, fd00::/8' })
        .WEBHOOK_ALLOWED_NETWORKS,
    ).toEqual(['192.168.1.0/24', 'fd00::/8']);
    expect(() => loadEnv({ ...dev, WEBHOOK_ALLOWED_NETWORKS: '192.168.1.1' })).toThrow(
      /WEBHOOK_ALLOWED_NETWORKS/,
    );
  });

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://someone:hunter2@localhost/kds'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_DEMO', 'yes'],
    ['STRIPE_SECRET_KEY', 'rk_live_a-live-restricted-key'],
  ])('refuses %s=%s with a message naming it, never its value', (name, value) => {
    const load = () => loadEnv({ NODE_ENV: 'development', [name]: value });
    expect(load).toThrow(EnvError);
    expect(load).toThrow(new RegExp(`${name}: `));
    expect(() => load()).not.toThrow(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});
