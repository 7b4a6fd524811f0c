import { sessions, staff } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { createHarness, createOtherStore, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { LOCK_AFTER_FAILURES } from '../auth/login.ts';

let h: Harness;
let owner: Principal & { kind: 'staff' };
let manager: Principal & { kind: 'staff' };
beforeAll(async () => {
  h = await createHarness();
  owner = await h.staffOf(h.demo.storeId, 'owner');
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const login = (email: string, password: string) => h.caller().auth.login({ email, password });

describe('staff accounts', () => {
  test('a manager adds a cook, who signs in with the one-time password', async () => {
    const added = await h
      .caller(manager)
      .staff.create({ name: 'Chris Cook', email: 'Chris@Demo.test', role: 'kitchen' });
    expect(added.temporaryPassword).toMatch(/^[\w-]{12}$/);
    const session = await login('chris@demo.test', added.temporaryPassword ?? '');
    expect(session.staff).toMatchObject({ role: 'kitchen', storeId: h.demo.storeId });
    const listed = await h.caller(manager).staff.list();
    expect(listed.find((s) => s.id === added.id)).toMatchObject({
      role: 'kitchen',
      isActive: true,
    });
    expect(
      await trpcCodeOf(
        h
          .caller(manager)
          .staff.create({ name: 'Chris', email: 'chris@demo.test', role: 'kitchen' }),
      ),
    ).toBe('CONFLICT');
  });

  test('managers manage kitchen staff only; owners manage everyone', async () => {
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.create({ name: 'M2', email: 'm2@demo.test', role: 'manager' }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.setActive({ staffId: owner.staffId, active: false }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.changeRole({ staffId: manager.staffId, role: 'owner' }),
      ),
    ).toBe('FORBIDDEN');
    const m2 = await h
      .caller(owner)
      .staff.create({ name: 'Mia', email: 'mia@demo.test', role: 'manager' });
    expect(m2.temporaryPassword).not.toBeNull();
    const other = await createOtherStore(h.db, 'solo');
    const soleOwner = await h.staffOf(other.storeId, 'owner');
    expect(
      await trpcCodeOf(
        h.caller(soleOwner).staff.changeRole({ staffId: soleOwner.staffId, role: 'manager' }),
      ),
    ).toBe('CONFLICT'); // the last owner stays an owner
  });

  test('deactivating signs someone out everywhere and keeps them out', async () => {
    const added = await h
      .caller(manager)
      .staff.create({ name: 'Dee', email: 'dee@demo.test', role: 'kitchen' });
    const { token } = await login('dee@demo.test', added.temporaryPassword ?? '');
    await h.caller(manager).staff.setActive({ staffId: added.id, active: false });
    const open = await h.db.select().from(sessions).where(eq(sessions.staffId, added.id));
    expect(open.every((s) => s.revokedAt !== null)).toBe(true);
    expect(token).toBeTruthy();
    expect(await trpcCodeOf(login('dee@demo.test', added.temporaryPassword ?? ''))).toBe(
      'UNAUTHORIZED',
    );
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.setActive({ staffId: manager.staffId, active: false }),
      ),
    ).toBe('FORBIDDEN');
  });

  test('ten wrong passwords lock the account, even against the right one, until a reset', async () => {
    const added = await h
      .caller(manager)
      .staff.create({ name: 'Lou', email: 'lou@demo.test', role: 'kitchen' });
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      expect(await trpcCodeOf(login('lou@demo.test', 'wrong-password'))).toBe('UNAUTHORIZED');
    }
    expect(await trpcCodeOf(login('lou@demo.test', added.temporaryPassword ?? ''))).toBe(
      'TOO_MANY_REQUESTS',
    );
    const [row] = await h.db.select().from(staff).where(eq(staff.id, added.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const reset = await h.caller(manager).staff.resetPassword({ staffId: added.id });
    expect((await login('lou@demo.test', reset.temporaryPassword)).staff.id).toBe(added.id);
  });

  test('signing out everywhere ends every session of the account', async () => {
    const added = await h
      .caller(owner)
      .staff.create({ name: 'Sam', email: 'sam@demo.test', role: 'manager' });
    const a = await login('sam@demo.test', added.temporaryPassword ?? '');
    await login('sam@demo.test', added.temporaryPassword ?? '');
    const sam = (
      await h
        .caller()
        .auth.login({ email: 'sam@demo.test', password: added.temporaryPassword ?? '' })
    ).staff;
    const principal = {
      kind: 'staff' as const,
      staffId: sam.id,
      storeId: sam.storeId,
      role: sam.role,
      sessionId: '00000000-0000-4000-8000-000000000000',
    };
    expect((await h.caller(principal).auth.logoutEverywhere()).ended).toBe(3);
    expect(a.token).toBeTruthy();
  });

  test('only owners read the audit log; it shows staff changes with who made them', async () => {
    expect(await trpcCodeOf(h.caller(manager).staff.audit({}))).toBe('FORBIDDEN');
    const { entries } = await h.caller(owner).staff.audit({ entity: 'staff' });
    expect(entries.length).toBeGreaterThan(3);
    expect(entries.some((e) => e.action === 'staff.deactivated' && e.who === 'manager')).toBe(true);
  });
});
