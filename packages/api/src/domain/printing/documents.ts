import type { Order, OrderItem, Store } from '@kds/db';
import { formatCents as money } from '../money.ts';

/**
 * Chits and receipts as ReceiptLine documents (receiptline.js turns them into ESC/POS for the
 * printer and SVG for a preview). Text that people typed is escaped, so a guest named "Ann |
 * {x}" prints as written and cannot add commands.
 */
export const escapeText = (text: string) =>
  text.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`).replace(/^([-=])/, '\\$1');

const one = (text: string) => escapeText(text.replace(/\s+/g, ' ').trim());

const FULFILMENT: Record<Order['fulfilment'], string> = {
  dine_in: 'TABLE',
  pickup: 'PICKUP',
  delivery: 'DELIVERY',
};

const where = (order: Order) =>
  order.fulfilment === 'dine_in' && order.tableLabel
    ? `TABLE ${one(order.tableLabel)}`
    : FULFILMENT[order.fulfilment];

const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);

export interface ChitInput {
  store: Store;
  order: Order;
  items: OrderItem[];
  /** The station the chit is for; null prints every item (expo, reprint of the whole order). */
  station: { name: string } | null;
  reprint: boolean;
  now: Date;
}

/** A kitchen chit: number and type large, the guest's allergies inverted, items with modifiers. */
export function chitDocument(input: ChitInput): string {
  const { store, order, items, station } = input;
  const allergies = order.allergies;
  const lines = [
    '{width:auto}',
    ...(input.reprint ? ['`  REPRINT  `'] : []),
    `^^^#${order.number} | ^^${where(order)}`,
    `${one(order.customerName)} | ${order.placedAt ? clock(order.placedAt, store.timezone) : ''}`,
    ...(order.fireAt ? [`"SCHEDULED FOR ${clock(order.fireAt, store.timezone)}"`] : []),
    ...(order.priority > 0 ? ['"RUSH"'] : []),
    '---',
    ...(allergies.length ? [`\`ALLERGY: ${one(allergies.join(', ').toUpperCase())}\``, ''] : []),
    ...items.flatMap((item) => [
      `^${item.quantity} x ${one(item.name)}`,
      ...item.modifiers.map((m) => `|    ${one(m.kitchenLabel || m.name)}`),
      ...(item.notes ? [`|    "NOTE: ${one(item.notes)}"`] : []),
    ]),
    ...(order.notes ? ['---', `"ORDER NOTE:" ${one(order.notes)}`] : []),
    '---',
    `${station ? one(station.name) : 'ALL STATIONS'} | printed ${clock(input.now, store.timezone)}`,
  ];
  return lines.join('\n');
}

/** A guest's receipt: the store, the order's lines and totals, how it was paid. */
export function receiptDocument(input: { store: Store; order: Order; items: OrderItem[] }) {
  const { store, order, items } = input;
  const m = (cents: number) => escapeText(money(cents, store.currency));
  const placed = order.placedAt ?? order.createdAt;
  const date = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: store.timezone,
  }).format(placed);
  const row = (label: string, cents: number) => `${label} | ${m(cents)}`;
  return [
    '{width:*}',
    `^^${one(store.name)}`,
    `${escapeText(date)}`,
    '{width:*,14}',
    `Order ^#${order.number} | ${where(order)}`,
    '---',
    ...items.flatMap((item) => [
      `${item.quantity} x ${one(item.name)} | ${m(item.lineTotalCents)}`,
      ...item.modifiers.map((mod) => `|  ${one(mod.name)}`),
    ]),
    '---',
    row('Subtotal', order.subtotalCents),
    ...(order.discountCents ? [row('Discount', -order.discountCents)] : []),
    ...(order.taxCents ? [row('Tax', order.taxCents)] : []),
    ...(order.tipCents ? [row('Tip', order.tipCents)] : []),
    `^TOTAL | ^${m(order.totalCents)}`,
    '{width:*}',
    `Payment: ${order.paymentStatus === 'paid' ? 'paid online' : order.paymentStatus === 'at_counter' ? 'at the counter' : one(order.paymentStatus)}`,
    '',
    'Thank you!',
  ].join('\n');
}
