import { devices, outbox, stores, type StoreSettings } from '@kds/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { escalateStuckScreens } from './escalate-stuck-screens.ts';
import { appRouter } from '../../root.ts';

let h: Harness;
let manager: Principal;
const MANAGER_PHONE = '+15550100100';

beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

async function setStore(change: (s: StoreSettings) => StoreSettings, allDay = true) {
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  if (!store) throw new Error('no store');
  const week = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
  // Open only three days from now: closed today, whatever the time zone.
  const away = [{ day: (new Date().getUTCDay() + 3) % 7, opens: '10:00', closes: '11:00' }];
  await h.db
    .update(stores)
    .set({ settings: change(store.settings), openingHours: allDay ? week : away })
    .where(eq(stores.id, store.id));
}

async function pairScreen(name: string, stationId?: string) {
  const { code } = await h
    .caller(manager)
    .device.createPairingCode({ name, ...(stationId ? { stationId } : {}) });
  return h.caller().device.pair({ code });
}

const escalations = () =>
  h.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.storeId, h.demo.storeId), eq(outbox.template, 'sms.escalation')));

/** A context whose clock is `minutes` ahead. */
const later = (minutes: number) => ({
  ...h.ctx(),
  now: () => new Date(Date.now() + minutes * 60_000),
});

describe('kitchen screen health and escalation', () => {
  test('a screen that stops reporting is offline; the manager is texted once, after the set time', async () => {
    await setStore((s) => ({
      ...s,
      notifications: {
        ...s.notifications,
        escalation: { phones: [MANAGER_PHONE], afterMinutes: 5 },
      },
    }));
    const grill = await pairScreen('Grill screen', h.demo.station.Grill);
    const screen = h.caller({
      kind: 'device',
      deviceId: grill.device.id,
      storeId: h.demo.storeId,
      stationId: h.demo.station.Grill,
    });
    await screen.kitchen.ack({ seq: 0 });
    expect((await h.caller(manager).device.health()).map((s) => s.state)).toEqual(['live']);

    expect(await escalateStuckScreens(later(3))).toBe(0); // offline, but not for 5 minutes yet
    expect(await escalateStuckScreens(later(7))).toBe(1);
    expect(await escalateStuckScreens(later(9))).toBe(0); // once per incident
    const [text] = await escalations();
    expect(text).toMatchObject({ channel: 'sms', recipient: MANAGER_PHONE, orderId: null });
    expect(String(text?.payload.text)).toMatch(
      /"Grill screen" has been offline since \d{1,2}:\d\d\s[AP]M\./,
    );

    // It comes back, then drops again: a new incident, a new text.
    await screen.kitchen.ack({ seq: 0 });
    expect(await escalateStuckScreens(later(1))).toBe(0);
    await h.db
      .update(devices)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 60_000) })
      .where(eq(devices.id, grill.device.id));
    expect(await escalateStuckScreens(later(7))).toBe(1);
    await h.db
      .update(devices)
      .set({ revokedAt: new Date() })
      .where(eq(devices.id, grill.device.id));
  });

  test('a screen that is connected but has not drawn its events is behind', async () => {
    const fry = await pairScreen('Fry screen', h.demo.station.Fry);
    const screen = h.caller({
      kind: 'device',
      deviceId: fry.device.id,
      storeId: h.demo.storeId,
      stationId: h.demo.station.Fry,
    });
    await screen.kitchen.ack({ seq: 0 });
    await h.caller().order.place(counterOrder(h.demo)); // has fries: the fry station's
    const before = (await escalations()).length;
    // Still heartbeating, but never drawing the new ticket.
    const stale = later(6);
    await h.db
      .update(devices)
      .set({ lastSeenAt: stale.now() })
      .where(eq(devices.id, fry.device.id));
    const health = await h.caller(manager).device.health();
    expect(health.find((s) => s.deviceId === fry.device.id)?.state).toBe('live'); // not yet 30 s
    const later6 = appRouter.createCaller({ ...h.ctx(manager), now: stale.now });
    expect((await later6.device.health()).find((s) => s.deviceId === fry.device.id)).toMatchObject({
      state: 'behind',
      missed: 1,
    });
    expect(await escalateStuckScreens(stale)).toBe(1);
    const texts = (await escalations()).slice(before);
    expect(String(texts[0]?.payload.text)).toMatch(/"Fry screen" has not shown new orders since/);
    await h.db.update(devices).set({ revokedAt: new Date() }).where(eq(devices.id, fry.device.id));
  });

  test('outside opening hours nobody is texted; only managers read screen health', async () => {
    const cold = await pairScreen('Cold screen', h.demo.station.Cold);
    await setStore((s) => s, false);
    await h.db
      .update(devices)
      .set({ lastSeenAt: new Date(0) })
      .where(eq(devices.id, cold.device.id));
    expect(await escalateStuckScreens(later(60))).toBe(0);
    const cook = await h.staffOf(h.demo.storeId, 'kitchen');
    expect(await trpcCodeOf(h.caller(cook).device.health())).toBe('FORBIDDEN');
  });
});
