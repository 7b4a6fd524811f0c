import { sessions, staff } from '@kds/db';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { LOCK_AFTER_FAILURES } from './account-lock.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const login = (email: string, password: string) => h.caller().auth.login({ email, password });

/** A cook who joined by invitation with their own password, and the manager who invited them. */
async function cook(email: string) {
  const manager = await h.staffOf(h.demo.storeId, 'manager');
  return { ...(await h.joinByInvitation(manager, email)), manager };
}

const openSessions = async (staffId: string) =>
  (
    await h.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.staffId, staffId), isNull(sessions.revokedAt)))
  ).length;

describe('passwords', () => {
  test('ten wrong passwords lock the account, even against the right one, until a reset', async () => {
    const lou = await cook('lou@demo.test');
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      expect(await trpcCodeOf(login('lou@demo.test', 'wrong-password'))).toBe('UNAUTHORIZED');
    }
    expect(await trpcCodeOf(login('lou@demo.test', lou.password))).toBe('TOO_MANY_REQUESTS');
    const [row] = await h.db.select().from(staff).where(eq(staff.id, lou.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    const reset = await h.caller(lou.manager).staff.resetPassword({ staffId: lou.id });
    expect((await login('lou@demo.test', reset.temporaryPassword)).staff.id).toBe(lou.id);
  });

  test('wrong passwords sent side by side are each counted', async () => {
    const ann = await cook('ann@demo.test');
    await Promise.all(
      Array.from({ length: LOCK_AFTER_FAILURES + 5 }, () =>
        login('ann@demo.test', 'wrong').catch(() => null),
      ),
    );
    const [row] = await h.db.select().from(staff).where(eq(staff.id, ann.id));
    expect(row?.lockedUntil).not.toBeNull();
    expect(await trpcCodeOf(login('ann@demo.test', ann.password))).toBe('TOO_MANY_REQUESTS');
  });

  test('anyone signed in changes their own password with the current one; other sessions end', async () => {
    const bo = await cook('bo@demo.test');
    await login('bo@demo.test', bo.password); // a second device
    const me = h.caller(await h.principalOf(bo.token));
    expect(
      await trpcCodeOf(
        me.auth.changePassword({ currentPassword: 'not-it', newPassword: 'a-new-password' }),
      ),
    ).toBe('UNPROCESSABLE_CONTENT');
    expect(
      await trpcCodeOf(
        me.auth.changePassword({ currentPassword: bo.password, newPassword: 'short' }),
      ),
    ).toBe('BAD_REQUEST');
    const changed = await me.auth.changePassword({
      currentPassword: bo.password,
      newPassword: 'a-brand-new-password',
    });
    expect(changed.endedSessions).toBe(1);
    expect(await openSessions(bo.id)).toBe(1); // this one
    expect(await trpcCodeOf(login('bo@demo.test', bo.password))).toBe('UNAUTHORIZED');
    expect((await login('bo@demo.test', 'a-brand-new-password')).staff.id).toBe(bo.id);
  });

  test('signing out everywhere ends every session of the account', async () => {
    const sam = await cook('sam@demo.test');
    await login('sam@demo.test', sam.password);
    await login('sam@demo.test', sam.password);
    expect((await h.caller(await h.principalOf(sam.token)).auth.logoutEverywhere()).ended).toBe(3);
    expect(await openSessions(sam.id)).toBe(0);
  });
});
