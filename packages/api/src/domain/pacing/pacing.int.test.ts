import { auditLog, devices, orderEvents, stations, stores } from '@kds/db';
import { TRPCError } from '@trpc/server';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { DomainError } from '../errors.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';
import { asapCap } from './kitchen-load.ts';

let h: Harness;
let manager: Principal;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());
beforeEach(async () => {
  await h
    .caller(manager)
    .pacing.update({ kind: 'resume', fulfilments: ['pickup', 'delivery', 'dine_in'] });
  await h.caller(manager).pacing.update({ kind: 'quote', extraMinutes: 0 });
  await h.caller(manager).pacing.update({ kind: 'throttle', enabled: false, asapPerWindow: 20 });
  await h.db
    .update(stations)
    .set({ capacityItems: 12 })
    .where(eq(stations.storeId, h.demo.storeId));
});

interface Refusal {
  code: string;
  message: string;
  resumesAt?: string;
  nextSlotAt?: string;
}
const refusal = async (promise: Promise<unknown>): Promise<Refusal[]> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError && error.cause instanceof DomainError)) {
    throw new Error(`expected a refused order, got ${String(error)}`);
  }
  return error.cause.details?.problems as Refusal[];
};

const latestAudit = async () => {
  const [entry] = await h.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.storeId, h.demo.storeId))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return entry;
};

async function device(stationName: 'Grill' | 'Expo' | null): Promise<Principal> {
  const [row] = await h.db
    .insert(devices)
    .values({
      storeId: h.demo.storeId,
      name: `screen ${String(stationName)}`,
      pairedAt: new Date(),
    })
    .returning();
  return {
    kind: 'device',
    deviceId: row?.id ?? '',
    storeId: h.demo.storeId,
    stationId: stationName ? h.demo.station[stationName] : null,
  };
}

describe('pausing online orders', () => {
  test('a paused kind of order is refused with the reason and when it resumes; others are taken', async () => {
    const before = Date.now();
    await h.caller(manager).pacing.update({
      kind: 'pause',
      fulfilments: ['pickup'],
      reason: 'The kitchen is very busy',
      minutes: 30,
    });

    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    expect(menu.store.ordering.pauses.pickup?.reason).toBe('The kitchen is very busy');
    const [problem, ...more] = await refusal(h.caller().order.place(counterOrder(h.demo)));
    expect(more).toEqual([]);
    expect(problem?.code).toBe('ORDERING_PAUSED');
    expect(problem?.message).toContain('The kitchen is very busy');
    const resumesAt = Date.parse(problem?.resumesAt ?? '');
    expect(resumesAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(Date.parse(problem?.nextSlotAt ?? '')).toBeGreaterThanOrEqual(resumesAt);
    const preview = await h.caller().order.preview({ ...counterOrder(h.demo), tipCents: 0 });
    expect(preview.problems.map((p) => p.code)).toEqual(['ORDERING_PAUSED']);

    const dineIn = await h
      .caller()
      .order.place(counterOrder(h.demo, { fulfilment: { type: 'dine_in', table: '4' } }));
    expect(dineIn.status).toBe('PLACED');
  });

  test('a scheduled order is refused before the pause ends and taken after it', async () => {
    await h
      .caller(manager)
      .pacing.update({ kind: 'pause', fulfilments: ['pickup'], reason: 'Oven down', minutes: 60 });
    const during = new Date(Date.now() + 45 * 60_000).toISOString();
    const [problem] = await refusal(
      h.caller().order.place(counterOrder(h.demo, { fireAt: during })),
    );
    expect(problem?.code).toBe('ORDERING_PAUSED');
    const slots = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    const after = slots.slots.find((s) => Date.parse(s.at) > Date.now() + 61 * 60_000)?.at;
    const placed = await h.caller().order.place(counterOrder(h.demo, { fireAt: after }));
    expect(placed.status).toBe('PLACED');
  });

  test('a pause that has run out is over by itself; resume ends one at once', async () => {
    await h.caller(manager).pacing.update({
      kind: 'pause',
      fulfilments: ['pickup', 'delivery'],
      reason: 'Busy',
      minutes: 5,
    });
    const [row] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
    if (!row) throw new Error('demo store missing');
    const pacing = row.pacing;
    const ranOut = { reason: 'Busy', until: new Date(Date.now() - 1000).toISOString() };
    await h.db
      .update(stores)
      .set({ pacing: { ...pacing, pauses: { ...pacing.pauses, pickup: ranOut } } })
      .where(eq(stores.id, h.demo.storeId));
    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    expect(Object.keys(menu.store.ordering.pauses)).toEqual(['delivery']);
    expect((await h.caller().order.place(counterOrder(h.demo))).status).toBe('PLACED');

    await h.caller(manager).pacing.update({ kind: 'resume', fulfilments: ['delivery'] });
    const status = await h.caller(manager).pacing.status();
    expect(status.pacing.pauses).toEqual({});
  });

  test('every change is audited and appended to the store events open menus hear', async () => {
    await h.caller(manager).pacing.update({
      kind: 'pause',
      fulfilments: ['delivery'],
      reason: 'No drivers',
      minutes: 20,
    });
    const audit = await latestAudit();
    expect(audit).toMatchObject({
      action: 'pacing.pause',
      staffId: manager.kind === 'staff' ? manager.staffId : '',
    });
    const [event] = await h.db
      .select()
      .from(orderEvents)
      .where(
        and(eq(orderEvents.storeId, h.demo.storeId), eq(orderEvents.type, 'store.pacing_changed')),
      )
      .orderBy(desc(orderEvents.seq))
      .limit(1);
    expect(event?.payload).toMatchObject({
      pacing: { pauses: { delivery: { reason: 'No drivers' } } },
    });
  });
});

describe('quoted minutes', () => {
  test('added minutes move the wait guests are told and the earliest pickup time', async () => {
    const plain = await h.caller().menu.forStore({ storeSlug: 'demo' });
    const slotsBefore = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    await h.caller(manager).pacing.update({ kind: 'quote', extraMinutes: 20 });
    const quoted = await h.caller().menu.forStore({ storeSlug: 'demo' });
    expect(quoted.store.ordering.readyInMinutes - plain.store.ordering.readyInMinutes).toBe(20);
    const slotsAfter = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    expect(
      Date.parse(slotsAfter.slots[0]?.at ?? '') - Date.parse(slotsBefore.slots[0]?.at ?? ''),
    ).toBeGreaterThanOrEqual(15 * 60_000);
  });
});

describe('throttling ASAP orders', () => {
  test('the cap is whole up to half load, shrinks in step, and is zero at full load', () => {
    expect([0, 0.5, 0.6, 0.75, 0.99, 1, 1.4].map((load) => asapCap(20, load))).toEqual([
      20, 20, 16, 10, 0, 0, 0,
    ]);
  });

  test('past the cap for this window, ASAP is refused with the next free time; scheduled still taken', async () => {
    await h.caller(manager).pacing.update({ kind: 'throttle', enabled: true, asapPerWindow: 1 });
    const taken = (await h.caller(manager).pacing.status()).asap.taken;
    await h
      .caller(manager)
      .pacing.update({ kind: 'throttle', enabled: true, asapPerWindow: taken + 2 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => h.caller().order.place(counterOrder(h.demo))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const [problem] = await refusal(h.caller().order.place(counterOrder(h.demo)));
    expect(problem?.code).toBe('KITCHEN_FULL');
    const next = problem?.nextSlotAt ?? '';
    expect(Date.parse(next)).toBeGreaterThan(Date.now());
    expect((await h.caller().order.place(counterOrder(h.demo, { fireAt: next }))).status).toBe(
      'PLACED',
    );
  });

  test('a full station stops ASAP orders whatever the cap', async () => {
    await h.caller(manager).pacing.update({ kind: 'throttle', enabled: true, asapPerWindow: 500 });
    await h.caller().order.place(counterOrder(h.demo));
    const status = await h.caller(manager).pacing.status();
    const grill = status.stations.find((s) => s.name === 'Grill');
    expect(grill?.openItems).toBeGreaterThan(0);
    await h.db
      .update(stations)
      .set({ capacityItems: grill?.openItems ?? 1 })
      .where(eq(stations.id, h.demo.station.Grill));
    expect((await h.caller(manager).pacing.status()).asap.cap).toBe(0);
    const [problem] = await refusal(h.caller().order.place(counterOrder(h.demo)));
    expect(problem?.code).toBe('KITCHEN_FULL');
  });
});

describe('who may change pacing', () => {
  test('a manager and the expo screen may; a cook, a prep screen and a stranger may not', async () => {
    const pause = {
      kind: 'pause' as const,
      fulfilments: ['pickup' as const],
      reason: 'Busy',
      minutes: 15,
    };
    expect(await trpcCodeOf(h.caller().pacing.update(pause))).toBe('UNAUTHORIZED');
    const cook = await h.staffOf(h.demo.storeId, 'kitchen');
    expect(await trpcCodeOf(h.caller(cook).pacing.update(pause))).toBe('FORBIDDEN');
    expect(await trpcCodeOf(h.caller(await device('Grill')).pacing.update(pause))).toBe(
      'FORBIDDEN',
    );
    expect((await h.caller().menu.forStore({ storeSlug: 'demo' })).store.ordering.pauses).toEqual(
      {},
    );

    await h.caller(await device('Expo')).pacing.update(pause);
    await h.caller(await device(null)).pacing.update({ kind: 'quote', extraMinutes: 10 });
    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    expect(menu.store.ordering.pauses.pickup?.reason).toBe('Busy');
  });

  test("the expo screen's change is audited with the screen named, and no person", async () => {
    const expo = await device('Expo');
    await h.caller(expo).pacing.update({ kind: 'quote', extraMinutes: 5 });
    const audit = await latestAudit();
    expect(audit).toMatchObject({
      action: 'pacing.quote',
      staffId: null,
      apiKeyId: null,
      after: { extraMinutes: 5, deviceId: expo.kind === 'device' ? expo.deviceId : '' },
    });
  });

  test('bad input is refused and changes nothing', async () => {
    const bad = [
      { kind: 'pause', fulfilments: ['pickup'], reason: '', minutes: 15 },
      { kind: 'pause', fulfilments: [], reason: 'Busy', minutes: 15 },
      { kind: 'pause', fulfilments: ['pickup'], reason: 'Busy', minutes: 0 },
      { kind: 'pause', fulfilments: ['takeaway'], reason: 'Busy', minutes: 15 },
      { kind: 'quote', extraMinutes: -5 },
      { kind: 'throttle', enabled: true, asapPerWindow: 0 },
      { kind: 'close-the-store' },
    ];
    for (const input of bad) {
      expect(await trpcCodeOf(h.caller(manager).pacing.update(input as never))).toBe('BAD_REQUEST');
    }
    expect((await h.caller(manager).pacing.status()).pacing).toEqual({
      pauses: {},
      extraMinutes: 0,
      throttle: { enabled: false, asapPerWindow: 20 },
    });
  });

  test("one store's pause never touches another store", async () => {
    const other = await createOtherStore(h.db, 'pacing-other');
    const theirs = await h.staffOf(other.storeId, 'owner');
    await h.caller(theirs).pacing.update({
      kind: 'pause',
      fulfilments: ['pickup', 'delivery', 'dine_in'],
      reason: 'Closed',
      minutes: 60,
    });
    expect((await h.caller().menu.forStore({ storeSlug: 'demo' })).store.ordering.pauses).toEqual(
      {},
    );
    expect((await h.caller().order.place(counterOrder(h.demo))).status).toBe('PLACED');
  });
});
