import { describe, expect, test } from 'vitest';
import { applyEvent } from './apply-event.ts';
import { board, event, ticket } from './fixtures.test-helpers.ts';

describe('applyEvent', () => {
  test('adds a placed ticket and moves the cursor', () => {
    const placed = event('order.placed', 'o1', { ticket: ticket(1) });
    const next = applyEvent(board([]), placed);
    expect(next?.tickets.map((t) => t.number)).toEqual([1]);
    expect(next?.cursor).toBe(String(placed.seq));
  });

  test('ignores an event at or below the cursor (already in the snapshot)', () => {
    const before = board([ticket(1)], 100);
    const old = {
      ...event('order.canceled', 'o1', { status: 'CANCELED', version: 2, number: 1, reason: 'x' }),
      seq: 100,
    };
    expect(applyEvent(before, old)).toBe(before);
  });

  test('the same event twice has one effect', () => {
    const placed = event('order.placed', 'o2', { ticket: ticket(2) });
    const once = applyEvent(board([]), placed);
    expect(once && applyEvent(once, placed)).toBe(once);
  });

  test('marks bumped items done and keeps the rest', () => {
    const bumped = event('ticket.item_bumped', 'o1', {
      status: 'PREPARING',
      version: 3,
      number: 1,
      itemIds: ['o1-b'],
    });
    const next = applyEvent(board([ticket(1)]), bumped);
    expect(next?.tickets[0]?.items.map((i) => i.status)).toEqual(['done', 'queued']);
    expect(next?.tickets[0]).toMatchObject({ status: 'PREPARING', version: 3 });
  });

  test('READY marks every item done; a recall re-queues the named items and clears readyAt', () => {
    const ready = applyEvent(
      board([ticket(1)]),
      event('ticket.bumped', 'o1', { status: 'READY', version: 4, number: 1, forced: true }),
    );
    expect(ready?.tickets[0]?.items.every((i) => i.status === 'done')).toBe(true);
    expect(ready?.tickets[0]?.readyAt).not.toBeNull();
    const recalled =
      ready &&
      applyEvent(
        ready,
        event('ticket.recalled', 'o1', {
          status: 'PREPARING',
          version: 5,
          number: 1,
          itemIds: ['o1-f'],
        }),
      );
    expect(recalled?.tickets[0]?.items.map((i) => i.status)).toEqual(['done', 'queued']);
    expect(recalled?.tickets[0]?.readyAt).toBeNull();
  });

  test('adds the items a guest added before the kitchen started', () => {
    const extra = {
      id: 'o1-x',
      stationId: 'cold',
      name: 'Lemonade',
      quantity: 1,
      modifiers: [],
      allergens: [],
      notes: '',
      status: 'queued' as const,
      bumpedAt: null,
    };
    const added = event('order.items_added', 'o1', {
      status: 'PLACED',
      version: 2,
      number: 1,
      items: [extra],
    });
    const next = applyEvent(board([ticket(1)]), added);
    expect(next?.tickets[0]?.items.map((i) => i.name)).toEqual(['Burger', 'Fries', 'Lemonade']);
    expect(next && applyEvent(next, added)).toBe(next);
  });

  test('removes canceled and completed tickets', () => {
    const next = applyEvent(
      board([ticket(1), ticket(2)]),
      event('order.canceled', 'o1', { status: 'CANCELED', version: 2, number: 1, reason: 'x' }),
    );
    expect(next?.tickets.map((t) => t.number)).toEqual([2]);
  });

  test('asks for a reload when a change names a ticket it does not hold', () => {
    const recall = event('ticket.recalled', 'o9', {
      status: 'READY',
      version: 7,
      number: 1,
      itemIds: [],
    });
    expect(applyEvent(board([ticket(1)]), recall)).toBeNull();
  });
});
