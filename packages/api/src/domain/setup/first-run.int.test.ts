import { setupCodes, staff, staffMemberships, stores } from '@kds/db';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { createHarness, createOtherStore, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { issueSetupCode, setupFromCommandLine } from './first-run.ts';
import type { FirstRunInput } from './schemas.ts';

let h: Harness;
afterEach(() => h.close());

const firstRun = (code: string): FirstRunInput => ({
  code,
  owner: { name: 'Rosa Diaz', email: 'Rosa@Tacos.example', password: 'a long owner password' },
  store: {
    name: 'Taqueria Rosa',
    slug: 'taqueria-rosa',
    timezone: 'America/Los_Angeles',
    currency: 'usd',
    location: { latitude: 34.05, longitude: -118.24 },
    paymentMode: 'counter',
    taxRateBps: 950,
    openingHours: [{ day: 5, opens: '11:00', closes: '23:00' }],
  },
});

const storeCount = async () => (await h.db.select({ n: count() }).from(stores))[0]?.n;

describe('first run', () => {
  test('with the code from the log: the owner and the store, signed in, once', async () => {
    h = await createHarness({ seed: false });
    expect(await h.caller().setup.status()).toEqual({ needed: true });
    const code = await issueSetupCode(h.db, new Date());
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const created = await h.caller().setup.create(firstRun((code ?? '').toLowerCase()));
    expect(created.staff).toMatchObject({ email: 'rosa@tacos.example', role: 'owner' });
    const owner = await h.principalOf(created.token);
    const settings = await h.caller(owner).store.settings();
    expect(settings).toMatchObject({
      name: 'Taqueria Rosa',
      slug: 'taqueria-rosa',
      timezone: 'America/Los_Angeles',
      currency: 'USD',
      openingHours: [{ day: 5, opens: '11:00', closes: '23:00' }],
      settings: {
        paymentMode: 'counter',
        taxRateBps: 950,
        location: { latitude: 34.05, longitude: -118.24 },
      },
    });
    expect(await h.caller().setup.status()).toEqual({ needed: false });
    expect(await h.db.select().from(setupCodes)).toEqual([]);
    // The same code, or any other, cannot make a second "first" store.
    expect(await trpcCodeOf(h.caller().setup.create(firstRun(code ?? '')))).toBe('CONFLICT');
    expect(await issueSetupCode(h.db, new Date())).toBeNull();
    expect(await storeCount()).toBe(1);
  });

  test('a wrong or expired code changes nothing, and guessing is cut off', async () => {
    h = await createHarness({ seed: false });
    const yesterday = new Date(Date.now() - 25 * 3600_000);
    const expired = await issueSetupCode(h.db, yesterday);
    expect(await trpcCodeOf(h.caller().setup.create(firstRun(expired ?? '')))).toBe('UNAUTHORIZED');
    for (let i = 0; i < 9; i++) {
      expect(await trpcCodeOf(h.caller().setup.create(firstRun('AAAA-BBBB-CCCC')))).toBe(
        'UNAUTHORIZED',
      );
    }
    const code = await issueSetupCode(h.db, new Date());
    // Ten failures from this address: even the right code waits now.
    expect(await trpcCodeOf(h.caller().setup.create(firstRun(code ?? '')))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await storeCount()).toBe(0);
    expect(await h.db.select({ n: count() }).from(staff)).toEqual([{ n: 0 }]);
  });

  test('online payment is refused while the server has no Stripe keys', async () => {
    h = await createHarness({ seed: false, payments: null });
    const code = await issueSetupCode(h.db, new Date());
    const input = firstRun(code ?? '');
    input.store.paymentMode = 'online';
    expect(await trpcCodeOf(h.caller().setup.create(input))).toBe('UNPROCESSABLE_CONTENT');
    expect(await storeCount()).toBe(0);
  });

  test('`kds setup` on the machine needs no code, and only works on an empty install', async () => {
    h = await createHarness({ seed: false });
    const { code: _c, ...input } = firstRun('');
    const services = { onlinePayments: false, geocoder: null };
    const { storeId, ownerId } = await setupFromCommandLine(
      h.db,
      { owner: { ...input.owner, email: 'rosa@tacos.example' }, store: input.store },
      services,
    );
    const [membership] = await h.db
      .select()
      .from(staffMemberships)
      .where(eq(staffMemberships.staffId, ownerId));
    expect(membership).toMatchObject({ storeId, role: 'owner' });
    await expect(
      setupFromCommandLine(
        h.db,
        { owner: input.owner, store: { ...input.store, slug: 'x' } },
        services,
      ),
    ).rejects.toThrow(/set up already/);
  });
});

describe('store.create', () => {
  test('an owner opens another store and owns it; a manager cannot; addresses stay unique', async () => {
    h = await createHarness();
    const owner = await h.staffOf(h.demo.storeId, 'owner');
    const { store } = firstRun('');
    const opened = await h.caller(owner).store.create({ ...store, slug: 'demo-uptown' });
    const [membership] = await h.db
      .select()
      .from(staffMemberships)
      .where(eq(staffMemberships.storeId, opened.id));
    expect(membership).toMatchObject({ staffId: owner.staffId, role: 'owner' });
    const [row] = await h.db.select().from(stores).where(eq(stores.id, opened.id));
    expect(row?.settings.location).toEqual(store.location);

    const manager = await h.staffOf(h.demo.storeId, 'manager');
    expect(await trpcCodeOf(h.caller(manager).store.create({ ...store, slug: 'mgr' }))).toBe(
      'FORBIDDEN',
    );
    await createOtherStore(h.db, 'taken');
    for (const slug of ['demo', 'taken', 'demo-uptown']) {
      expect(await trpcCodeOf(h.caller(owner).store.create({ ...store, slug }))).toBe('CONFLICT');
    }
  });
});
