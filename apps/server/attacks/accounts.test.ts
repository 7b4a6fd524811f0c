import { staff, staffMemberships, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createFixture,
  createRivalStore,
  startServer,
  type Fixture,
  type Server,
} from '../src/test/harness.ts';
import { codeOf, dataOf, mutate, query, signIn } from './support.ts';

/**
 * Two stores in one database, as a multi-store owner or a host runs them. The manager of the
 * rival store attacks the accounts of the demo store's people.
 */
let fx: Fixture;
let server: Server;
let attacker: string;

beforeAll(async () => {
  fx = await createFixture();
  const rival = await createRivalStore(fx.db.db);
  server = await startServer(fx.db, { jobs: false });
  attacker = await signIn(server, rival.email);
});
afterAll(async () => {
  await server.close();
  await fx.db.close();
});

async function accountOf(email: string) {
  const [row] = await fx.db.db.select().from(staff).where(eq(staff.email, email));
  if (!row) throw new Error(`no account ${email}`);
  return row;
}

async function storesOf(staffId: string) {
  const rows = await fx.db.db
    .select({ slug: stores.slug, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(stores, eq(stores.id, staffMemberships.storeId))
    .where(eq(staffMemberships.staffId, staffId));
  return rows.map((r) => `${r.slug}:${r.role}`).sort();
}

/** The victim still signs in with their own password and lands in their own store, as before. */
async function expectVictimUntouched(email: string, role: string) {
  const token = await signIn(server, email);
  const me = dataOf<{ store: { slug: string }; role: string }>(
    await query(server, 'store.mine', undefined, { token }),
  );
  expect({ store: me.store.slug, role: me.role }).toEqual({ store: 'demo', role });
}

describe('attack: taking over an account of another store', () => {
  test("adding another store's owner by email attaches nothing and hands out no password", async () => {
    const owner = await accountOf('owner@demo.test');
    const added = await mutate(
      server,
      'staff.create',
      { name: 'New cook', email: 'owner@demo.test', role: 'kitchen' },
      { token: attacker },
    );
    expect(JSON.stringify(added.body)).not.toMatch(/temporaryPassword"\s*:\s*"/);
    expect(await storesOf(owner.id)).toEqual(['demo:owner']);
    const list = dataOf<{ email: string }[]>(
      await query(server, 'staff.list', undefined, { token: attacker }),
    );
    expect(list.map((s) => s.email)).not.toContain('owner@demo.test');
    await expectVictimUntouched('owner@demo.test', 'owner');
  });

  test('the answer to adding an email is the same whether or not it has an account', async () => {
    const shape = (body: unknown) =>
      JSON.stringify(body)
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
        .replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, 'TIME')
        .replace(/"https?:\/\/[^"]*"/g, 'LINK')
        .replace(/"[A-Za-z0-9_-]{12,}"/g, 'SECRET')
        .replace(/(manager|ghost)@demo\.test/g, 'EMAIL');
    const add = (email: string) =>
      mutate(
        server,
        'staff.create',
        { name: 'Someone', email, role: 'kitchen' },
        { token: attacker },
      );
    const known = await add('manager@demo.test');
    const unknown = await add('ghost@demo.test');
    expect(known.status).toBe(unknown.status);
    expect(shape(known.body)).toEqual(shape(unknown.body));
    await expectVictimUntouched('manager@demo.test', 'manager');
  });

  test("a manager cannot reset the password of someone who works at a store they don't run", async () => {
    const owner = await accountOf('owner@demo.test');
    // Even once attached to the attacker's store (an accepted invitation, say), the account
    // also belongs to the demo store, where the attacker is nobody.
    await fx.db.db
      .insert(staffMemberships)
      .values({ staffId: owner.id, storeId: await rivalStoreId(), role: 'kitchen' })
      .onConflictDoNothing();
    const reset = await mutate(
      server,
      'staff.resetPassword',
      { staffId: owner.id },
      { token: attacker },
    );
    expect(codeOf(reset) ?? 'ACCEPTED').toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(JSON.stringify(reset.body)).not.toContain('temporaryPassword');
    expect((await accountOf('owner@demo.test')).passwordHash).toBe(owner.passwordHash);
    await expectVictimUntouched('owner@demo.test', 'owner');
  });

  test('deactivating someone in one store does not lock them out of another', async () => {
    const owner = await accountOf('owner@demo.test');
    const suspended = await mutate(
      server,
      'staff.setActive',
      { staffId: owner.id, active: false },
      { token: attacker },
    );
    // Allowed or not, it may only concern the attacker's own store.
    expect(codeOf(suspended) ?? 'OK').toMatch(/OK|FORBIDDEN|NOT_FOUND/);
    await expectVictimUntouched('owner@demo.test', 'owner');
  });
});

async function rivalStoreId(): Promise<string> {
  const [row] = await fx.db.db.select().from(stores).where(eq(stores.slug, 'rival'));
  if (!row) throw new Error('no rival store');
  return row.id;
}
