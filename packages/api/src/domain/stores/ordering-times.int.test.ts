import { stores } from '@kds/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../errors.ts';
import { counterOrder, createHarness, trpcCodeOf, type Harness } from '../../test/fixtures.ts';
import { TRPCError } from '@trpc/server';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Sets the demo store's hours to one window a day, relative to now in UTC. */
async function hours(opensInMinutes: number, lengthMinutes: number, capacity = 6) {
  const now = new Date();
  const at = (m: number) => {
    const t = new Date(now.getTime() + m * 60_000);
    return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  };
  const [store] = await h.db.select().from(stores).where(eq(stores.id, h.demo.storeId));
  if (!store) throw new Error('demo store missing');
  await h.db
    .update(stores)
    .set({
      timezone: 'UTC',
      openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
        day,
        opens: at(opensInMinutes),
        closes: at(opensInMinutes + lengthMinutes),
      })),
      settings: { ...store.settings, scheduledSlotCapacity: capacity },
    })
    .where(eq(stores.id, h.demo.storeId));
}

const problems = (error: unknown) =>
  error instanceof TRPCError && error.cause instanceof DomainError
    ? (error.cause.details?.problems as { code: string; nextOpenAt?: string }[])
    : [];

describe('ordering times', () => {
  test('a closed store refuses orders and says when it opens', async () => {
    await hours(120, 60);
    const error = await h
      .caller()
      .order.place(counterOrder(h.demo))
      .catch((e: unknown) => e);
    const [problem] = problems(error);
    expect(problem?.code).toBe('STORE_CLOSED');
    expect(new Date(problem?.nextOpenAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 100 * 60_000);
    const menu = await h.caller().menu.forStore({ storeSlug: 'demo' });
    expect(menu.store.opening).toMatchObject({ isOpen: false, nextOpenAt: problem?.nextOpenAt });
  });

  test('a closed store still takes a scheduled order for when it is open', async () => {
    await hours(120, 120);
    const fireAt = new Date(Date.now() + 150 * 60_000).toISOString();
    const placed = await h.caller().order.place(counterOrder(h.demo, { fireAt }));
    expect(placed.status).toBe('PLACED');
    const outside = new Date(Date.now() + 300 * 60_000).toISOString();
    const error = await h
      .caller()
      .order.place(counterOrder(h.demo, { fireAt: outside }))
      .catch((e: unknown) => e);
    expect(problems(error).map((p) => p.code)).toEqual(['FIRE_AT_INVALID']);
  });

  test('a full pickup slot is refused, and concurrent guests cannot overbook it', async () => {
    await hours(-30, 600, 2);
    const slots = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    const slot = slots.slots[4];
    expect(slot?.remaining).toBe(2);
    const fireAt = slot?.at ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => h.caller().order.place(counterOrder(h.demo, { fireAt }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(problems((r as PromiseRejectedResult).reason).map((p) => p.code)).toEqual([
        'SLOT_FULL',
      ]);
    }
    const after = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    expect(after.slots.find((s) => s.at === fireAt)?.remaining).toBe(0);
  });

  test('slots start once the kitchen could have the order ready and stay inside opening hours', async () => {
    await hours(-30, 120);
    const { slots, slotMinutes } = await h.caller().order.pickupSlots({ storeSlug: 'demo' });
    expect(slotMinutes).toBe(15);
    const first = new Date(slots[0]?.at ?? 0).getTime();
    expect(first).toBeGreaterThanOrEqual(Date.now() + 12 * 60_000);
    // Open from 30 minutes ago for two hours, every day: no slot while closed in between.
    const closedFrom = Date.now() + 90 * 60_000;
    const reopens = Date.now() + (24 * 60 - 30) * 60_000 - 60_000;
    const whileClosed = slots.filter((s) => {
      const t = new Date(s.at).getTime();
      return t >= closedFrom && t < reopens;
    });
    expect(whileClosed).toEqual([]);
    expect(slots.length).toBeGreaterThan(4);
    expect(await trpcCodeOf(h.caller().order.pickupSlots({ storeSlug: 'nope' }))).toBe('NOT_FOUND');
  });
});
