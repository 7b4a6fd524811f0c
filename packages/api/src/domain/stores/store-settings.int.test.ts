import { auditLog, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  settingsForm,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let manager: Principal & { kind: 'staff' };
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

const current = () => settingsForm(h, manager);

describe('store.updateSettings', () => {
  test('saves the whole form and audits what it was and became', async () => {
    const form = await current();
    const next = {
      ...form,
      name: 'Demo Diner Downtown',
      settings: {
        ...form.settings,
        notifications: {
          ...form.settings.notifications,
          staffEmails: ['Lead@Demo.test'],
          templates: { smsReady: '{store}: #{number} is up![ Code {code}.]' },
          escalation: { phones: ['+15550100100'], afterMinutes: 3 },
        },
      },
    };
    await h.caller(manager).store.updateSettings(next);
    const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
    expect(store?.name).toBe('Demo Diner Downtown');
    expect(store?.settings.notifications.staffEmails).toEqual(['lead@demo.test']);
    expect(store?.settings.notifications.escalation).toEqual({
      phones: ['+15550100100'],
      afterMinutes: 3,
    });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'store.settings_updated'));
    expect(entry).toMatchObject({ staffId: manager.staffId, before: { name: form.name } });
  });

  test('bad values are refused, each named, and nothing changes', async () => {
    const form = await current();
    const bad = [
      { ...form, timezone: 'Mars/Olympus' },
      {
        ...form,
        settings: {
          ...form.settings,
          ticketThresholds: {
            ...form.settings.ticketThresholds,
            pickup: { warnMinutes: 20, lateMinutes: 10 },
          },
        },
      },
      {
        ...form,
        settings: {
          ...form.settings,
          notifications: { ...form.settings.notifications, templates: { smsReady: 'Hi {nmae}' } },
        },
      },
      { ...form, openingHours: [{ day: 9, opens: '25:00', closes: '10:00' }] },
      { ...form, settings: { ...form.settings, taxRateBps: -5 } },
      { ...form, slug: 'Not A Slug!' },
      { ...form, currency: 'XYZ1' },
    ];
    for (const input of bad) {
      expect(await trpcCodeOf(h.caller(manager).store.updateSettings(input as never))).toBe(
        'BAD_REQUEST',
      );
    }
    expect(await current()).toEqual(form);
  });

  test('a new address keeps the old one working, and is refused when another store has it', async () => {
    const form = await current();
    const menuAt = (storeSlug: string) => h.caller().menu.forStore({ storeSlug });
    await h.caller(manager).store.updateSettings({ ...form, slug: 'demo-downtown' });
    expect((await menuAt('demo-downtown')).store.slug).toBe('demo-downtown');
    // QR codes printed with the old address still reach the store.
    expect((await menuAt(form.slug)).store.slug).toBe('demo-downtown');
    expect((await h.caller(manager).store.settings()).formerSlugs).toEqual([form.slug]);

    const other = await createOtherStore(h.db, 'other-diner');
    const otherManager = await h.staffOf(other.storeId, 'manager');
    const otherForm = await settingsForm(h, otherManager);
    for (const slug of ['demo-downtown', form.slug]) {
      expect(
        await trpcCodeOf(h.caller(otherManager).store.updateSettings({ ...otherForm, slug })),
      ).toBe('CONFLICT');
    }
    // Back to the first address: it stops being an alias and is the store's own again.
    await h.caller(manager).store.updateSettings({ ...(await current()), slug: form.slug });
    expect((await h.caller(manager).store.settings()).formerSlugs).toEqual(['demo-downtown']);
  });

  test('the currency changes only while the store has no orders', async () => {
    const other = await createOtherStore(h.db, 'fresh-diner');
    const otherManager = await h.staffOf(other.storeId, 'manager');
    const {
      id: _i,
      defaultTemplates: _t,
      formerSlugs: _s,
      ...fresh
    } = await h.caller(otherManager).store.settings();
    await h.caller(otherManager).store.updateSettings({ ...fresh, currency: 'eur' });
    expect((await h.caller(otherManager).store.settings()).currency).toBe('EUR');

    const form = await current();
    await h.caller().order.place(counterOrder(h.demo, { storeSlug: form.slug }));
    expect(
      await trpcCodeOf(h.caller(manager).store.updateSettings({ ...form, currency: 'EUR' })),
    ).toBe('UNPROCESSABLE_CONTENT');
  });

  test('kitchen staff cannot read or change settings', async () => {
    const cook = await h.staffOf(h.demo.storeId, 'kitchen');
    expect(await trpcCodeOf(h.caller(cook).store.settings())).toBe('FORBIDDEN');
    expect(await trpcCodeOf(h.caller(cook).store.updateSettings((await current()) as never))).toBe(
      'FORBIDDEN',
    );
  });
});
