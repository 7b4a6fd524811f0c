import { orders, stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  counterOrder,
  createHarness,
  settingsForm,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const place = (phone: string) =>
  h
    .caller()
    .order.place(counterOrder(h.demo, { customer: { name: 'Ana', phone, smsConsent: true } }));
const phoneOf = async (orderId: string) =>
  (await h.db.select().from(orders).where(eq(orders.id, orderId)))[0]?.customerPhone;

describe('a guest types their number as they know it', () => {
  test('in a New York store, a US number with or without +1', async () => {
    expect(await phoneOf((await place('(212) 555-0142')).orderId)).toBe('+12125550142');
    expect(await phoneOf((await place('+1 212 555 0142')).orderId)).toBe('+12125550142');
  });

  test('in a Mexico City store, a Mexican mobile as dialled there, and a foreign one with +', async () => {
    await h.db.update(stores).set({ locale: 'es-MX' }).where(eq(stores.id, h.demo.storeId));
    expect(await phoneOf((await place('55 1234 5678')).orderId)).toBe('+525512345678');
    expect(await phoneOf((await place('+34 612 34 56 78')).orderId)).toBe('+34612345678');
  });

  test('what is not a number there is a problem on the phone field, and nothing is placed', async () => {
    const before = await h.db.select().from(orders);
    expect(await trpcCodeOf(place('123'))).toBe('UNPROCESSABLE_CONTENT');
    await expect(place('5555')).rejects.toMatchObject({
      cause: {
        details: {
          problems: [
            {
              path: ['customer', 'phone'],
              code: 'PHONE_INVALID',
              // Words the guest's screen says in their language, naming the store's country.
              say: { key: 'phoneInvalid', values: { phoneRegion: 'MX' } },
            },
          ],
        },
      },
    });
    expect((await h.db.select().from(orders)).length).toBe(before.length);
  });
});

describe('staff type numbers as they know them too', () => {
  test("the store's escalation numbers, saved in international form; a wrong one is named", async () => {
    await h.db.update(stores).set({ locale: 'es-MX' }).where(eq(stores.id, h.demo.storeId));
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    const form = await settingsForm(h, manager);
    const withPhones = (phones: string[]) => ({
      ...form,
      settings: {
        ...form.settings,
        notifications: {
          ...form.settings.notifications,
          escalation: { phones, afterMinutes: 5 },
        },
      },
    });
    await h.caller(manager).store.updateSettings(withPhones(['55 1234 5678', '+1 212 555 0142']));
    const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
    expect(store?.settings.notifications.escalation?.phones).toEqual([
      '+525512345678',
      '+12125550142',
    ]);
    await expect(
      h.caller(manager).store.updateSettings(withPhones(['55 1234 5678', '5555'])),
    ).rejects.toMatchObject({
      cause: {
        details: {
          problems: [
            {
              path: ['settings', 'notifications', 'escalation', 'phones', 1],
              code: 'PHONE_INVALID',
            },
          ],
        },
      },
    });
  });

  test('a privacy lookup finds a guest by their number as the manager dials it', async () => {
    await h.db.update(stores).set({ locale: 'es-MX' }).where(eq(stores.id, h.demo.storeId));
    const { orderId } = await place('55 8765 4321');
    const manager = await h.staffOf(h.demo.storeId, 'manager');
    const found = await h.caller(manager).privacy.customerData({ phone: '(55) 8765-4321' });
    expect(found.orders.map((o) => o.id)).toEqual([orderId]);
  });
});
