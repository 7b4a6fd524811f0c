import { outbox, staffMemberships } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { recordedMail } from '../../gateways/mail.ts';
import { emailSender } from '../notifications/email.ts';
import { runOutbox } from '../outbox/run-outbox.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHarness,
  createOtherStore,
  invitationTokenOf,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';
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

/** A new account in a store of its own, through an invitation from that store's owner. */
async function accountElsewhere(email: string) {
  const other = await createOtherStore(h.db, `elsewhere-${email.split('@')[0]}`);
  const otherOwner = await h.staffOf(other.storeId, 'owner');
  const joined = await h.joinByInvitation(otherOwner, email, { role: 'manager' });
  return { storeId: other.storeId, principal: await h.principalOf(joined.token) };
}

describe('invitations', () => {
  test('inviting someone who has an account attaches nothing until they accept, signed in', async () => {
    const them = await accountElsewhere('pat@else.test');
    const invited = await h
      .caller(manager)
      .staff.create({ name: 'Pat', email: 'Pat@Else.test', role: 'kitchen' });
    const members = await h.db
      .select()
      .from(staffMemberships)
      .where(eq(staffMemberships.staffId, them.principal.staffId));
    expect(members.map((m) => m.storeId)).toEqual([them.storeId]);

    const mine = await h.caller(them.principal).invitation.mine();
    expect(mine).toEqual([
      expect.objectContaining({
        id: invited.invitationId,
        storeName: 'Demo Diner',
        role: 'kitchen',
      }),
    ]);
    const joined = await h
      .caller(them.principal)
      .invitation.accept({ invitationId: invited.invitationId });
    expect(joined).toMatchObject({ storeId: h.demo.storeId, role: 'kitchen' });
    const list = await h.caller(manager).staff.list();
    expect(list.find((s) => s.email === 'pat@else.test')).toMatchObject({
      role: 'kitchen',
      isActive: true,
    });
    expect(
      await trpcCodeOf(
        h.caller(them.principal).invitation.accept({ invitationId: invited.invitationId }),
      ),
    ).toBe('NOT_FOUND');
  });

  test('someone new joins through the link, choosing their own password, and is signed in', async () => {
    const invited = await h
      .caller(manager)
      .staff.create({ name: 'Chris Cook', email: 'chris@demo.test', role: 'kitchen' });
    expect(invited).toMatchObject({
      emailed: false,
      link: expect.stringContaining('/admin/invite#'),
    });
    const token = invitationTokenOf(invited.link);
    expect(await h.caller().invitation.forToken({ token })).toMatchObject({
      storeName: 'Demo Diner',
      email: 'chris@demo.test',
      role: 'kitchen',
    });
    const joined = await h
      .caller()
      .invitation.signUp({ token, name: 'Chris', password: 'chosen-by-chris' });
    expect(joined.staff).toMatchObject({ role: 'kitchen', storeId: h.demo.storeId });
    expect((await login('chris@demo.test', 'chosen-by-chris')).staff.email).toBe('chris@demo.test');
    // A used link works no more, for anyone.
    expect(await trpcCodeOf(h.caller().invitation.forToken({ token }))).toBe('NOT_FOUND');
  });

  test('a link is refused when forged, canceled, replaced, or for an address that has an account', async () => {
    const forged = `${crypto.randomUUID()}.${'A'.repeat(43)}`;
    expect(await trpcCodeOf(h.caller().invitation.forToken({ token: forged }))).toBe('NOT_FOUND');

    const first = await h
      .caller(manager)
      .staff.create({ name: 'R', email: 'r@demo.test', role: 'kitchen' });
    const second = await h
      .caller(manager)
      .staff.create({ name: 'R', email: 'r@demo.test', role: 'kitchen' });
    expect(
      await trpcCodeOf(h.caller().invitation.forToken({ token: invitationTokenOf(first.link) })),
    ).toBe('NOT_FOUND');
    await h.caller(manager).staff.cancelInvitation({ invitationId: second.invitationId });
    expect(
      await trpcCodeOf(h.caller().invitation.forToken({ token: invitationTokenOf(second.link) })),
    ).toBe('NOT_FOUND');

    await accountElsewhere('taken@else.test');
    const taken = await h
      .caller(manager)
      .staff.create({ name: 'T', email: 'taken@else.test', role: 'kitchen' });
    expect(
      await trpcCodeOf(
        h.caller().invitation.signUp({
          token: invitationTokenOf(taken.link),
          name: 'T',
          password: 'another-password',
        }),
      ),
    ).toBe('CONFLICT');
  });

  test("an invitation is accepted only by its address's account", async () => {
    const invited = await h
      .caller(manager)
      .staff.create({ name: 'Q', email: 'q@demo.test', role: 'kitchen' });
    const stranger = await accountElsewhere('stranger@else.test');
    expect(
      await trpcCodeOf(
        h.caller(stranger.principal).invitation.accept({ token: invitationTokenOf(invited.link) }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await trpcCodeOf(
        h.caller(stranger.principal).invitation.decline({ invitationId: invited.invitationId }),
      ),
    ).toBe('NOT_FOUND');
    expect(await h.caller(stranger.principal).invitation.mine()).toEqual([]);
  });

  test('managers invite the kitchen team; owners invite anyone; members already here are said so', async () => {
    expect(
      await trpcCodeOf(
        h.caller(manager).staff.create({ name: 'M', email: 'm2@demo.test', role: 'manager' }),
      ),
    ).toBe('FORBIDDEN');
    const byOwner = await h
      .caller(owner)
      .staff.create({ name: 'M', email: 'm2@demo.test', role: 'manager' });
    expect(byOwner.role).toBe('manager');
    const [me] = await h
      .caller(owner)
      .staff.list()
      .then((l) => l.filter((s) => s.id === manager.staffId));
    expect(
      await trpcCodeOf(
        h.caller(owner).staff.create({ name: 'x', email: me?.email ?? '', role: 'kitchen' }),
      ),
    ).toBe('CONFLICT');
    const open = await h.caller(owner).staff.invitations();
    expect(open.map((i) => i.email)).toContain('m2@demo.test');
  });

  test('the invitation email goes to the address, and not at all once the invitation is answered', async () => {
    const mailed: string[] = [];
    const mail = recordedMail();
    const senders = {
      email: emailSender({ send: (e) => (mailed.push(`${e.to}|${e.text}`), mail.send(e)) }),
    };
    const sent = await h
      .caller(manager)
      .staff.create({ name: 'E', email: 'e@demo.test', role: 'kitchen' });
    const answered = await h
      .caller(manager)
      .staff.create({ name: 'F', email: 'f@demo.test', role: 'kitchen' });
    await h.caller().invitation.signUp({
      token: invitationTokenOf(answered.link),
      name: 'F',
      password: 'f-chose-this',
    });
    await runOutbox(h.ctx(), { senders });
    const ours = mailed.filter((m) => /^[ef]@demo/.test(m));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^e@demo\.test\|.*invited you to join Demo Diner/s);
    expect(ours[0]).toContain(invitationTokenOf(sent.link));
    const rows = await h.db
      .select({ recipient: outbox.recipient, status: outbox.status })
      .from(outbox)
      .where(and(eq(outbox.template, 'email.staff_invitation')));
    expect(rows.find((r) => r.recipient === 'e@demo.test')?.status).toBe('recorded');
    expect(rows.find((r) => r.recipient === 'f@demo.test')?.status).toBe('canceled');
  });
});
