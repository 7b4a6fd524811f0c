import { describe, expect, test } from 'vitest';
import { itemHeight, ticketParts } from './ticket-parts.ts';
import type { Ticket, TicketItem } from './types.ts';

const item = (n: number, extra: Partial<TicketItem> = {}): TicketItem => ({
  id: `i${n}`,
  stationId: 's1',
  name: `Item ${n}`,
  quantity: 1,
  modifiers: [],
  allergens: [],
  notes: '',
  status: 'queued',
  bumpedAt: null,
  ...extra,
});
const ticket = (items: TicketItem[]) =>
  ({ orderId: 'o1', number: 42, version: 3, items }) as unknown as Ticket;

describe('tickets too tall for one card', () => {
  test('a short ticket is one card', () => {
    const parts = ticketParts([ticket([item(1), item(2)])], null, 400);
    expect(parts.map((p) => [p.index, p.count, p.items.length])).toEqual([[0, 1, 2]]);
  });

  test('a long ticket continues on more cards, items in order and never split', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(i, { modifiers: ['MED', 'NO onion'] }));
    const parts = ticketParts([ticket(items)], { kind: 'prep', id: 's1' } as never, 400);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.count === parts.length)).toBe(true);
    expect(parts.flatMap((p) => p.items.map((i) => i.id))).toEqual(items.map((i) => i.id));
    for (const p of parts) {
      expect(p.items.reduce((s, i) => s + itemHeight(i), 0)).toBeLessThanOrEqual(400);
    }
  });

  test('an item taller than a card gets a card of its own', () => {
    const huge = item(1, { notes: 'x'.repeat(2000) });
    const parts = ticketParts([ticket([item(0), huge, item(2)])], null, 300);
    expect(parts.map((p) => p.items.map((i) => i.id))).toEqual([['i0'], ['i1'], ['i2']]);
  });
});
