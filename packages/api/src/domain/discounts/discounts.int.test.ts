import { discountCodes, discountRedemptions, orders } from '@kds/db';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Principal } from '../context.ts';
import { DomainError } from '../errors.ts';
import {
  counterOrder,
  createHarness,
  createOtherStore,
  trpcCodeOf,
  type Harness,
} from '../../test/fixtures.ts';

let h: Harness;
let manager: Principal;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.staffOf(h.demo.storeId, 'manager');
});
afterAll(() => h.close());

/** Why a placement or a preview refused the code, as the guest reads it. */
async function refusedBecause(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError && error.cause instanceof DomainError)) {
    throw new Error(`expected a refusal, got ${String(error)}`);
  }
  const problems = error.cause.details?.problems as { code: string; message: string }[];
  return problems.find((p) => p.code.startsWith('DISCOUNT_'))?.message ?? '';
}
const previewReason = async (input: Record<string, unknown>) =>
  (await h.caller().order.preview(counterOrder(h.demo, input))).problems.find((p) =>
    p.code.startsWith('DISCOUNT_'),
  )?.message;
const guest = (phone: string) => ({ customer: { name: 'Guest', phone } });

describe('discount codes', () => {
  test('a manager creates one; guests use it once each, within its uses, above its minimum', async () => {
    await h.caller(manager).discount.create({
      code: 'welcome10',
      kind: 'percent',
      value: 10,
      minOrderCents: 1_000,
      maxUses: 2,
      perGuestLimit: 1,
    });
    // Burger (12.00, medium) + 2 fries (2 × 4.50) = 21.00; 10 % off = 2.10.
    const first = await h
      .caller()
      .order.place(counterOrder(h.demo, { discountCode: 'Welcome10', ...guest('+15550000001') }));
    expect(first.totals).toMatchObject({ subtotalCents: 2_100, discountCents: 210 });
    expect(first.totals.taxCents).toBe(Math.round((1_890 * 825) / 10_000));

    const again = counterOrder(h.demo, { discountCode: 'WELCOME10', ...guest('+15550000001') });
    expect(await refusedBecause(h.caller().order.place(again))).toBe(
      'you have already used this code',
    );
    expect(
      await h.db.select().from(orders).where(eq(orders.idempotencyKey, again.idempotencyKey)),
    ).toEqual([]);

    await h
      .caller()
      .order.place(counterOrder(h.demo, { discountCode: 'WELCOME10', ...guest('+15550000002') }));
    expect(await previewReason({ discountCode: 'WELCOME10' })).toBe('this code has been used up');

    // Canceling an order gives its use back: the first guest may use the code again.
    await h.caller(manager).order.cancel({ orderId: first.orderId, reason: 'guest left' });
    const [code] = await h.db
      .select()
      .from(discountCodes)
      .where(eq(discountCodes.code, 'WELCOME10'));
    expect(code?.timesUsed).toBe(1);
    const [released] = await h.db
      .select()
      .from(discountRedemptions)
      .where(eq(discountRedemptions.orderId, first.orderId));
    expect(released?.releasedAt).not.toBeNull();
    // The guest is known by a keyed hash, never by their number.
    expect(released?.guestKey).not.toContain('5550000001');
    await h
      .caller()
      .order.place(counterOrder(h.demo, { discountCode: 'WELCOME10', ...guest('+15550000001') }));

    expect(
      await previewReason({
        discountCode: 'WELCOME10',
        items: [{ menuItemId: h.demo.item['Lemonade'], quantity: 1 }],
      }),
    ).toBe('this code has been used up');
  });

  test('below its minimum, without a contact for a per-guest code, and for other items it says why', async () => {
    await h.caller(manager).discount.create({
      code: 'FRIES50',
      kind: 'percent',
      value: 50,
      minOrderCents: 2_500,
      menuItemIds: [h.demo.item['Fries'] ?? ''],
    });
    expect(await previewReason({ discountCode: 'FRIES50' })).toBe(
      'this code needs an order of $25.00 or more',
    );
    const bigger = {
      discountCode: 'FRIES50',
      items: [
        { menuItemId: h.demo.item['Lemonade'], quantity: 7 },
        {
          menuItemId: h.demo.item['Fries'],
          quantity: 1,
          modifierIds: [h.demo.modifier['Fries/Regular']],
        },
      ],
    };
    const preview = await h.caller().order.preview(counterOrder(h.demo, bigger));
    // Half of the fries only.
    expect(preview.totals.discountCents).toBe(225);
    expect(
      await previewReason({
        discountCode: 'FRIES50',
        items: [{ menuItemId: h.demo.item['Lemonade'], quantity: 7 }],
      }),
    ).toBe('this code is for other items on the menu');
    expect(await previewReason({ discountCode: 'NOSUCHCODE' })).toBe('we do not know this code');

    await h.caller(manager).discount.create({
      code: 'ONCEEACH',
      kind: 'amount',
      value: 300,
      perGuestLimit: 1,
    });
    expect(
      await refusedBecause(
        h.caller().order.place(counterOrder(h.demo, { discountCode: 'ONCEEACH' })),
      ),
    ).toBe('this code needs your phone number or email');
  });

  test('paused, resumed and ended: the guest reads the state, an ended code stays ended', async () => {
    const code = await h
      .caller(manager)
      .discount.create({ code: 'LUNCH', kind: 'amount', value: 200 });
    await h.caller(manager).discount.change({ id: code.id, change: 'pause' });
    expect(await previewReason({ discountCode: 'LUNCH' })).toBe('this code is paused');
    await h.caller(manager).discount.change({ id: code.id, change: 'resume' });
    expect(await previewReason({ discountCode: 'LUNCH' })).toBeUndefined();
    await h.caller(manager).discount.change({ id: code.id, change: 'end' });
    expect(await previewReason({ discountCode: 'LUNCH' })).toMatch(/^this code ended on /);
    expect(
      await trpcCodeOf(h.caller(manager).discount.change({ id: code.id, change: 'resume' })),
    ).toBe('UNPROCESSABLE_CONTENT');
    const listed = await h.caller(manager).discount.list();
    expect(listed.find((c) => c.code === 'LUNCH')?.state).toBe('ended');
    expect(listed.find((c) => c.code === 'WELCOME10')).toMatchObject({ givenCents: 420 });
  });

  test("a code is the store's own: a duplicate is refused, another store's items and codes are not usable", async () => {
    expect(
      await trpcCodeOf(
        h.caller(manager).discount.create({ code: 'LUNCH', kind: 'percent', value: 5 }),
      ),
    ).toBe('CONFLICT');
    const other = await createOtherStore(h.db, 'discount-rival');
    const rival = await h.staffOf(other.storeId, 'manager');
    expect(
      await trpcCodeOf(
        h.caller(rival).discount.create({
          code: 'STEAL',
          kind: 'percent',
          value: 5,
          menuItemIds: [h.demo.item['Fries'] ?? ''],
        }),
      ),
    ).toBe('UNPROCESSABLE_CONTENT');
    const theirs = await h
      .caller(rival)
      .discount.create({ code: 'THEIRS', kind: 'amount', value: 100 });
    expect(await previewReason({ discountCode: 'THEIRS' })).toBe('we do not know this code');
    expect(
      await trpcCodeOf(h.caller(manager).discount.change({ id: theirs.id, change: 'pause' })),
    ).toBe('NOT_FOUND');
  });

  test('a tip is added after tax and never discounted; the report counts discounts and tips', async () => {
    await h.caller(manager).discount.create({ code: 'TIPTEST', kind: 'amount', value: 500 });
    const placed = await h
      .caller()
      .order.place(counterOrder(h.demo, { discountCode: 'TIPTEST', tipCents: 350 }));
    const taxed = 2_100 - 500;
    expect(placed.totals).toEqual({
      subtotalCents: 2_100,
      discountCents: 500,
      taxCents: Math.round((taxed * 825) / 10_000),
      tipCents: 350,
      totalCents: taxed + Math.round((taxed * 825) / 10_000) + 350,
    });
    // Business days are the store's: around midnight UTC, "today" differs by zone.
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    const report = await h
      .caller(manager)
      .report.summary({ from: day(-86_400_000), to: day(86_400_000) });
    expect(report.discounts.byCode.find((d) => d.code === 'TIPTEST')).toEqual({
      code: 'TIPTEST',
      orders: 1,
      cents: 500,
    });
    expect(report.tipsCents).toBeGreaterThanOrEqual(350);
  });
});
