import type { Order, OrderItem, Store } from '@kds/db';
import { formatClock, formatDateTime, formatLocale, translatorFor, type Language } from '@kds/i18n';
import { formatMoney } from '../money.ts';
import { guestLanguageOf, staffLanguageOf } from '../stores/languages.ts';

/**
 * Chits and receipts as ReceiptLine documents (receiptline.js turns them into ESC/POS for the
 * printer and SVG for a preview). Text that people typed is escaped, so a guest named "Ann |
 * {x}" prints as written and cannot add commands.
 */
export const escapeText = (text: string) =>
  text.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`).replace(/^([-=])/, '\\$1');

/** What people typed, on one line. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const one = (text: string) => escapeText(plain(text));

/** What paper says, in `language`, on the store's clock. */
function paperWords(store: Store, language: Language) {
  const t = translatorFor(language, 'server');
  const region = { storeLocale: store.locale, timeZone: store.timezone };
  return {
    /** A message, escaped whole: values are passed as they are. */
    t: (...args: Parameters<typeof t>) => escapeText(t(...args)),
    time: (at: Date) => formatClock(at, language, region),
    dateTime: (at: Date) => escapeText(formatDateTime(at, language, region)),
    money: (amount: number) =>
      escapeText(formatMoney(amount, store.currency, formatLocale(language, store.locale))),
    where: (order: Order) =>
      order.fulfilment === 'dine_in' && order.tableLabel
        ? escapeText(t('paper.table', { table: plain(order.tableLabel) }))
        : escapeText(t(`paper.${order.fulfilment}`)),
  };
}

export interface ChitInput {
  store: Store;
  order: Order;
  items: OrderItem[];
  /** The station the chit is for; null prints every item (expo, reprint of the whole order). */
  station: { name: string } | null;
  reprint: boolean;
  now: Date;
}

/**
 * A kitchen chit, in the store's staff language: number and type large, the guest's allergies
 * inverted, items with modifiers.
 */
export function chitDocument(input: ChitInput): string {
  const { store, order, items, station } = input;
  const w = paperWords(store, staffLanguageOf(null, store));
  const allergies = order.allergies;
  const lines = [
    '{width:auto}',
    ...(input.reprint ? [`\`  ${w.t('paper.reprint')}  \``] : []),
    `^^^#${order.number} | ^^${w.where(order)}`,
    `${one(order.customerName)} | ${order.placedAt ? escapeText(w.time(order.placedAt)) : ''}`,
    ...(order.fireAt ? [`"${w.t('paper.scheduled', { time: w.time(order.fireAt) })}"`] : []),
    ...(order.priority > 0 ? [`"${w.t('paper.rush')}"`] : []),
    '---',
    ...(allergies.length
      ? [
          `\`${w.t('paper.allergy', { allergies: plain(allergies.join(', ').toUpperCase()) })}\``,
          '',
        ]
      : []),
    ...items.flatMap((item) => [
      `^${item.quantity} x ${one(item.name)}`,
      ...item.modifiers.map((m) => `|    ${one(m.kitchenLabel || m.name)}`),
      ...(item.notes ? [`|    "${w.t('paper.note', { note: plain(item.notes) })}"`] : []),
    ]),
    ...(order.notes ? ['---', `"${w.t('paper.orderNote')}" ${one(order.notes)}`] : []),
    '---',
    `${station ? one(station.name) : w.t('paper.allStations')} | ${w.t('paper.printed', { time: w.time(input.now) })}`,
  ];
  return lines.join('\n');
}

/** A guest's receipt, in the language they ordered in: the lines, the totals, how it was paid. */
export function receiptDocument(input: { store: Store; order: Order; items: OrderItem[] }) {
  const { store, order, items } = input;
  const language = guestLanguageOf(store, order);
  const w = paperWords(store, language);
  const row = (label: string, amount: number) => `${label} | ${w.money(amount)}`;
  const payment =
    order.paymentStatus === 'paid'
      ? w.t('paper.paidOnline')
      : order.paymentStatus === 'at_counter'
        ? w.t('paper.paidAtCounter')
        : w.t('paper.payment', {
            status: translatorFor(language, 'common')(`payment.${order.paymentStatus}`),
          });
  return [
    '{width:*}',
    `^^${one(store.name)}`,
    w.dateTime(order.placedAt ?? order.createdAt),
    '{width:*,14}',
    `${w.t('paper.order')} ^#${order.number} | ${w.where(order)}`,
    '---',
    ...items.flatMap((item) => [
      `${item.quantity} x ${one(item.name)} | ${w.money(item.lineTotalCents)}`,
      ...item.modifiers.map((mod) => `|  ${one(mod.name)}`),
    ]),
    '---',
    row(w.t('paper.subtotal'), order.subtotalCents),
    ...(order.discountCents ? [row(w.t('paper.discount'), -order.discountCents)] : []),
    ...(order.taxCents ? [row(w.t('paper.tax'), order.taxCents)] : []),
    ...(order.tipCents ? [row(w.t('paper.tip'), order.tipCents)] : []),
    `^${w.t('paper.total')} | ^${w.money(order.totalCents)}`,
    '{width:*}',
    payment,
    '',
    w.t('paper.thanks'),
  ].join('\n');
}
