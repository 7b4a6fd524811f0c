import type { DiscountCode } from '@kds/db';
import { describe, expect, test } from 'vitest';
import { judgeDiscount, type DiscountLine } from './discount-rules.ts';

const now = new Date('2026-06-01T12:00:00Z');
const code = (over: Partial<DiscountCode> = {}): DiscountCode => ({
  id: 'd1',
  storeId: 's1',
  code: 'SUMMER',
  kind: 'percent',
  value: 10,
  isActive: true,
  validFrom: null,
  validUntil: null,
  maxUses: null,
  timesUsed: 0,
  perGuestLimit: null,
  minOrderCents: 0,
  menuItemIds: [],
  note: '',
  createdAt: now,
  ...over,
});
const lines: DiscountLine[] = [
  { menuItemId: 'burger', name: 'Burger', lineTotalCents: 1_200 },
  { menuItemId: 'fries', name: 'Fries', lineTotalCents: 455 },
];
const judge = (c: DiscountCode) =>
  judgeDiscount(c, { lines, now, timeZone: 'UTC', currency: 'USD' });

describe('judgeDiscount', () => {
  test('a percentage of the whole order, rounded down; a fixed amount up to the order', () => {
    expect(judge(code())).toEqual({ ok: true, cents: 165 });
    expect(judge(code({ kind: 'amount', value: 500 }))).toEqual({ ok: true, cents: 500 });
    expect(judge(code({ kind: 'amount', value: 5_000 }))).toEqual({ ok: true, cents: 1_655 });
  });

  test('limited to some items, it counts only their lines', () => {
    expect(judge(code({ value: 50, menuItemIds: ['fries'] }))).toEqual({ ok: true, cents: 227 });
    expect(judge(code({ menuItemIds: ['shake'] }))).toEqual({
      ok: false,
      reason: 'this code is for other items on the menu',
      say: { key: 'discountOtherItems' },
    });
  });

  test('each refusal says why, in words for the guest', () => {
    const reasons = [
      code({ isActive: false }),
      code({ validFrom: new Date('2026-06-03T00:00:00Z') }),
      code({ validUntil: new Date('2026-05-31T00:00:00Z') }),
      code({ maxUses: 3, timesUsed: 3 }),
      code({ minOrderCents: 2_000 }),
    ].map((c) => {
      const verdict = judge(c);
      return verdict.ok ? null : verdict.reason;
    });
    expect(reasons).toEqual([
      'this code is paused',
      'this code works from 3 Jun',
      'this code ended on 31 May',
      'this code has been used up',
      'this code needs an order of $20.00 or more',
    ]);
  });

  test('it ends at its end instant and starts at its start instant', () => {
    expect(judge(code({ validUntil: now })).ok).toBe(false);
    expect(judge(code({ validFrom: now })).ok).toBe(true);
  });
});
