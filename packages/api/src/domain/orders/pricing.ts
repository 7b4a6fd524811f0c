import { priceDiscount, type PricedDiscount } from '../discounts/price-discount.ts';
import { currencyStep, percentOf, stepText } from '../money.ts';
import type { OrderItemModifier, Queryable, Store } from '@kds/db';
import type { ProblemWords } from '@kds/i18n';
import { priceLines, readMenuRows } from './price-lines.ts';
import type { PreviewOrderInput } from './schemas.ts';
import { timingProblems } from './timing.ts';

export type ProblemCode =
  | 'ITEM_NOT_FOUND'
  | 'ITEM_UNAVAILABLE'
  | 'MODIFIER_INVALID'
  | 'MODIFIER_UNAVAILABLE'
  | 'MODIFIER_CHOICE'
  | 'DISCOUNT_INVALID'
  | 'DISCOUNT_UNKNOWN'
  | 'FULFILMENT_UNAVAILABLE'
  | 'FIRE_AT_INVALID'
  | 'STORE_CLOSED'
  | 'SLOT_FULL'
  | 'ORDERING_PAUSED'
  | 'KITCHEN_FULL'
  | 'POSTCODE_UNKNOWN'
  | 'POSTCODE_UNCHECKED'
  | 'OUTSIDE_DELIVERY_AREA'
  | 'CONTACT_MISSING'
  | 'CHANNEL_OFF'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'TIP_INVALID';

/** Something the customer must change; `path` points at the input that caused it. */
export interface Problem {
  path: (string | number)[];
  code: ProblemCode;
  message: string;
  /** The message again, for the reader's language (the screen translates it). */
  say?: ProblemWords;
  /** STORE_CLOSED: when ordering opens again. */
  nextOpenAt?: string;
  /** ORDERING_PAUSED: when this kind of order is taken again. */
  resumesAt?: string;
  /** KITCHEN_FULL, ORDERING_PAUSED: the first pickup time the kitchen can still take. */
  nextSlotAt?: string;
}

export interface PricedLine {
  menuItemId: string;
  stationId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  unitCostCents: number;
  lineTotalCents: number;
  modifiers: OrderItemModifier[];
  allergens: string[];
  notes: string;
  prepSeconds: number;
}

export interface Totals {
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  tipCents: number;
  totalCents: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  totals: Totals;
  costCents: number;
  discountCodeId: string | null;
  problems: Problem[];
}

/**
 * Prices an order from the database alone; nothing the client says about money is used.
 * Pass `lock` inside the placing transaction: menu rows are read FOR SHARE, so an 86 committed
 * before this read is seen, and one issued after it waits for the order to commit.
 */
export async function priceOrder(
  db: Queryable,
  store: Store,
  input: PreviewOrderInput,
  options: { now: Date; lock?: boolean; skipTiming?: boolean },
): Promise<PricedOrder> {
  const menu = await readMenuRows(db, store, input.items, options.lock ?? false);
  const { lines, problems } = priceLines(input.items, menu);
  if (!options.skipTiming) problems.push(...(await timingProblems(db, store, input, options.now)));
  const discount: PricedDiscount = input.discountCode
    ? await priceDiscount(db, store, input.discountCode, lines, options.now)
    : { cents: 0, id: null };
  if (discount.problem) problems.push(discount.problem);
  const tipProblem = tipStepProblem(store, input.tipCents);
  if (tipProblem) problems.push(tipProblem);
  const costCents = lines.reduce((s, l) => s + l.unitCostCents * l.quantity, 0);
  const totals = totalsFor(store, lines, discount.cents, input.tipCents);
  return { lines, totals, costCents, discountCodeId: discount.id, problems };
}

/** Subtotal, the discount, tax on what is left, the tip: the order's money, in minor units. */
function totalsFor(store: Store, lines: PricedLine[], discountCents: number, tipCents: number) {
  const subtotalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);
  const taxable = subtotalCents - discountCents;
  const taxCents = percentOf(taxable, store.settings.taxRateBps, store.currency);
  return {
    subtotalCents,
    discountCents,
    taxCents,
    tipCents,
    totalCents: taxable + taxCents + tipCents,
  } satisfies Totals;
}

/** A tip the currency cannot pay (a tenth of a yen). */
function tipStepProblem(store: Store, tipCents: number): Problem | null {
  if (tipCents % currencyStep(store.currency) === 0) return null;
  return {
    path: ['tipCents'],
    code: 'TIP_INVALID',
    message: `a tip in ${store.currency} goes in steps of ${stepText(store.currency)}`,
    say: {
      key: 'tipStep',
      values: { currency: store.currency, step: stepText(store.currency) },
    },
  };
}
