import type { DiscountCode } from '@kds/db';
import type { ProblemWords } from '@kds/i18n';
import { floorToStep, formatCents } from '../money.ts';

/** An order line as a discount sees it. */
export interface DiscountLine {
  menuItemId: string;
  name: string;
  lineTotalCents: number;
}

export type DiscountVerdict =
  { ok: true; cents: number } | { ok: false; reason: string; say: ProblemWords };

/**
 * Whether a code applies to an order, and how much it takes off: the first rule it breaks is
 * the reason the guest reads. Percent codes round down; a fixed amount never exceeds what it
 * applies to. Limited to some items, it counts only their lines. Pure: no I/O, no clock.
 */
export function judgeDiscount(
  code: DiscountCode,
  order: { lines: DiscountLine[]; now: Date; timeZone: string; currency: string },
): DiscountVerdict {
  const day = (at: Date) =>
    at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: order.timeZone });
  if (!code.isActive) {
    return { ok: false, reason: 'this code is paused', say: { key: 'discountPaused' } };
  }
  if (code.validFrom && code.validFrom > order.now) {
    return {
      ok: false,
      reason: `this code works from ${day(code.validFrom)}`,
      say: { key: 'discountFrom', values: { startsOn: code.validFrom.toISOString() } },
    };
  }
  if (code.validUntil && code.validUntil <= order.now) {
    return {
      ok: false,
      reason: `this code ended on ${day(code.validUntil)}`,
      say: { key: 'discountEnded', values: { endedOn: code.validUntil.toISOString() } },
    };
  }
  if (code.maxUses !== null && code.timesUsed >= code.maxUses) {
    return { ok: false, reason: 'this code has been used up', say: { key: 'discountUsedUp' } };
  }
  const subtotal = order.lines.reduce((s, l) => s + l.lineTotalCents, 0);
  if (subtotal < code.minOrderCents) {
    return {
      ok: false,
      reason: `this code needs an order of ${formatCents(code.minOrderCents, order.currency)} or more`,
      say: { key: 'discountMinimum', values: { minimumMinor: code.minOrderCents } },
    };
  }
  const only = new Set(code.menuItemIds);
  const eligible =
    only.size === 0
      ? subtotal
      : order.lines.filter((l) => only.has(l.menuItemId)).reduce((s, l) => s + l.lineTotalCents, 0);
  if (eligible === 0) {
    return {
      ok: false,
      reason: 'this code is for other items on the menu',
      say: { key: 'discountOtherItems' },
    };
  }
  const cents =
    code.kind === 'percent'
      ? floorToStep((eligible * code.value) / 100, order.currency)
      : Math.min(code.value, eligible);
  return { ok: true, cents };
}
