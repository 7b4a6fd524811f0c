import { sessions, staff } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, createOtherStore, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import type { Principal } from '../context.ts';

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

/** Someone who joined this store by invitation, with a password, signed in. */
const cook = (email: string) => h.joinByInvitation(manager, email);

/** The same person, also working at a second store where someone else is in charge. */
async function alsoWorksAt(staffId: string, slug: string) {
  const other = await createOtherStore(h.db, slug);
  const boss = await h.staffOf(other.storeId, 'owner');
  const [account] = await h.db.select().from(staff).where(eq(staff.id, staffId));
  const invited = await h
    .caller(boss)
    .staff.create({ name: 'x', email: account?.email ?? '', role: 'kitchen' });
  return { storeId: other.storeId, invitationId: invited.invitationId, boss };
}

describe('memberships', () => {
  test('suspending acts on this store only: its sessions end, the account and other stores go on', async () => {
    const dee = await cook('dee@demo.test');
    const other = await alsoWorksAt(dee.id, 'dees-other');
    await h
      .caller(await h.principalOf(dee.token))
      .invitation.accept({ invitationId: other.invitationId });
    await h.caller(manager).staff.setActive({ staffId: dee.id, active: false });
    const [here] = await h.db.select().from(sessions).where(eq(sessions.staffId, dee.id));
    expect(here?.revokedAt).not.toBeNull();
    // Signing in now lands in the store where Dee is not suspended.
    const again = await login('dee@demo.test', dee.password);
    expect(again.staff.storeId).toBe(other.storeId);
    const me = await h.caller(await h.principalOf(again.token)).store.mine();
    expect(me.stores.map((s) => s.id)).toEqual([other.storeId]);
    expect(
      await trpcCodeOf(
        h.caller(await h.principalOf(again.token)).store.switch({ storeId: h.demo.storeId }),
      ),
    ).toBe('FORBIDDEN');
    await h.caller(manager).staff.setActive({ staffId: dee.id, active: true });
    expect((await h.caller(manager).staff.list()).find((s) => s.id === dee.id)?.isActive).toBe(
      true,
    );
  });

  test('removing ends the membership and its sessions; the account stays its holder’s', async () => {
    const rem = await cook('rem@demo.test');
    await h.caller(manager).staff.remove({ staffId: rem.id });
    expect((await h.caller(manager).staff.list()).map((s) => s.id)).not.toContain(rem.id);
    expect(await trpcCodeOf(login('rem@demo.test', rem.password))).toBe('FORBIDDEN');
    expect((await h.db.select().from(staff).where(eq(staff.id, rem.id))).length).toBe(1);
    expect(await trpcCodeOf(h.caller(manager).staff.remove({ staffId: owner.staffId }))).toBe(
      'FORBIDDEN',
    );
  });

  test('a store always keeps an owner; managers manage the kitchen team only', async () => {
    const solo = await createOtherStore(h.db, 'solo');
    const soleOwner = await h.staffOf(solo.storeId, 'owner');
    expect(
      await trpcCodeOf(
        h.caller(soleOwner).staff.changeRole({ staffId: soleOwner.staffId, role: 'manager' }),
      ),
    ).toBe('CONFLICT');
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
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.setActive({ staffId: manager.staffId, active: false }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('password reset by a manager', () => {
  test('allowed for someone who works only where the manager outranks them; forces a new password', async () => {
    const lou = await cook('lou@demo.test');
    const listed = (await h.caller(manager).staff.list()).find((s) => s.id === lou.id);
    expect(listed?.canResetPassword).toBe(true);
    const reset = await h.caller(manager).staff.resetPassword({ staffId: lou.id });
    expect(reset.temporaryPassword).toMatch(/^[\w-]{12}$/);
    const [session] = await h.db.select().from(sessions).where(eq(sessions.staffId, lou.id));
    expect(session?.revokedAt).not.toBeNull();
    expect(await trpcCodeOf(login('lou@demo.test', lou.password))).toBe('UNAUTHORIZED');

    const temporary = await login('lou@demo.test', reset.temporaryPassword);
    expect(temporary.staff.mustChangePassword).toBe(true);
    const restricted = h.caller(await h.principalOf(temporary.token));
    expect(await trpcCodeOf(restricted.kitchen.tickets({}))).toBe('FORBIDDEN');
    await restricted.auth.changePassword({
      currentPassword: reset.temporaryPassword,
      newPassword: 'lou-chose-this-one',
    });
    const free = h.caller(await h.principalOf(temporary.token));
    expect((await free.kitchen.tickets({})).tickets).toBeDefined();
  });

  test('refused for someone who also works where the manager is nobody, or outranks them', async () => {
    const kim = await cook('kim@demo.test');
    const other = await alsoWorksAt(kim.id, 'kims-other');
    await h
      .caller(await h.principalOf(kim.token))
      .invitation.accept({ invitationId: other.invitationId });
    expect(
      (await h.caller(manager).staff.list()).find((s) => s.id === kim.id)?.canResetPassword,
    ).toBe(false);
    expect(await trpcCodeOf(h.caller(manager).staff.resetPassword({ staffId: kim.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await trpcCodeOf(h.caller(manager).staff.resetPassword({ staffId: owner.staffId })),
    ).toBe('FORBIDDEN');
    expect((await login('kim@demo.test', kim.password)).staff.id).toBe(kim.id);
  });

  test('the audit log shows the staff changes with who made them (owners only)', async () => {
    expect(await trpcCodeOf(h.caller(manager).staff.audit({}))).toBe('FORBIDDEN');
    const { entries } = await h.caller(owner).staff.audit({ entity: 'staff' });
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'staff.invited',
      'staff.joined',
      'staff.deactivated',
      'staff.removed',
      'staff.password_reset',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
