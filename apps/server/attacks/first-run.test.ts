import { issueSetupCode } from '@kds/api';
import { staff, stores } from '@kds/db';
import { createTestDb, type TestDb } from '@kds/db/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFixture, startServer, type Fixture, type Server } from '../src/test/harness.ts';
import { batch, codeOf, mutate, query } from './support.ts';

/**
 * The first-run page is the only way in that needs no account: it must open only on an
 * install without a store, only with the code from the server's log, and only once.
 */
const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
const takeover = (code: string) => ({
  code,
  owner: { name: 'Mallory', email: 'mallory@evil.example', password: 'mallory-owns-you' },
  store: {
    name: 'Mine now',
    slug: 'mine-now',
    timezone: 'UTC',
    currency: 'USD',
    paymentMode: 'counter',
    openingHours: [],
  },
});
const counts = async (db: TestDb) => ({
  stores: (await db.db.select({ n: count() }).from(stores))[0]?.n,
  staff: (await db.db.select({ n: count() }).from(staff))[0]?.n,
});

describe('attack: the first-run page of a KDS that is already set up', () => {
  let fx: Fixture;
  let server: Server;
  beforeAll(async () => {
    fx = await createFixture();
    server = await startServer(fx.db, { jobs: false });
  });
  afterAll(async () => {
    await server.close();
    await fx.db.close();
  });

  test('says there is nothing to set up, and creates nothing whatever code is sent', async () => {
    expect((await query(server, 'setup.status', undefined)).body).toEqual({
      result: { data: { needed: false } },
    });
    const before = await counts(fx.db);
    // Even a code that was once valid (a leaked log line) is useless once a store exists.
    const stale = (await issueSetupCode(fx.db.db, new Date())) ?? 'AAAA-BBBB-CCCC';
    expect(codeOf(await mutate(server, 'setup.create', takeover(stale)))).toBe('CONFLICT');
    expect(await counts(fx.db)).toEqual(before);
  });
});

describe('attack: guessing the setup code of a fresh install', () => {
  let db: TestDb;
  let server: Server;
  let code: string;
  beforeAll(async () => {
    db = await createTestDb();
    server = await startServer(db, { jobs: false, trustProxy: true });
    code = (await issueSetupCode(db.db, new Date())) ?? '';
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  test('a batch of guesses is refused whole; ten wrong ones lock the address out', async () => {
    const guesses = Array.from({ length: 50 }, (_, i) => ({
      path: 'setup.create',
      input: takeover(`GUES-S${String(i).padStart(3, '0')}-CODE`),
    }));
    expect((await batch(server, guesses, from('203.0.113.5'))).status).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < 10; i++) {
      const wrong = await mutate(
        server,
        'setup.create',
        takeover('AAAA-BBBB-CCCC'),
        from('203.0.113.5'),
      );
      expect(codeOf(wrong)).toBe('UNAUTHORIZED');
    }
    const right = await mutate(server, 'setup.create', takeover(code), from('203.0.113.5'));
    expect(codeOf(right)).toBe('TOO_MANY_REQUESTS');
    expect(await counts(db)).toEqual({ stores: 0, staff: 0 });
  });

  test('the right code works once, from anywhere; then never again', async () => {
    const owner = {
      ...takeover(code),
      owner: { ...takeover(code).owner, email: 'rosa@example.com' },
    };
    expect(codeOf(await mutate(server, 'setup.create', owner, from('198.51.100.7')))).toBeNull();
    const again = await mutate(server, 'setup.create', takeover(code), from('198.51.100.8'));
    expect(codeOf(again)).toBe('CONFLICT');
    expect(await counts(db)).toEqual({ stores: 1, staff: 1 });
  });
});
