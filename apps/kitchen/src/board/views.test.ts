import { describe, expect, test } from 'vitest';
import { allDay, heldTickets, railTickets, recallable, stationProgress, urgency } from './views.ts';
import { expo, fry, grill, ticket } from './fixtures.test-helpers.ts';

const now = new Date('2026-11-20T18:30:00Z').getTime();
const done = (t: ReturnType<typeof ticket>, stationId: string) => ({
  ...t,
  items: t.items.map((i) =>
    i.stationId === stationId
      ? { ...i, status: 'done' as const, bumpedAt: '2026-11-20T18:20:00Z' }
      : i,
  ),
});

describe('railTickets', () => {
  test('puts rush first, then the oldest', () => {
    const tickets = [ticket(3), ticket(1), ticket(2, { priority: 1 })];
    expect(railTickets(tickets, expo, now).map((t) => t.number)).toEqual([2, 1, 3]);
  });

  test('a station sees tickets with its own queued items only', () => {
    const tickets = [done(ticket(1), 'grill'), ticket(2)];
    expect(railTickets(tickets, grill, now).map((t) => t.number)).toEqual([2]);
    expect(railTickets(tickets, fry, now).map((t) => t.number)).toEqual([1, 2]);
  });

  test('expo drops READY tickets, and held tickets wait in their own lane', () => {
    const held = ticket(4, { firesAt: '2026-11-20T19:00:00Z' });
    const tickets = [ticket(1, { status: 'READY' }), ticket(2), held];
    expect(railTickets(tickets, expo, now).map((t) => t.number)).toEqual([2]);
    expect(heldTickets(tickets, expo, now).map((t) => t.number)).toEqual([4]);
    expect(
      railTickets(tickets, expo, new Date('2026-11-20T19:00:01Z').getTime()).map((t) => t.number),
    ).toEqual([2, 4]);
  });
});

test('recallable lists what this screen bumped, newest first', () => {
  const tickets = [
    done(ticket(1), 'grill'),
    ticket(2),
    ticket(3, { status: 'READY', readyAt: '2026-11-20T18:29:00Z' }),
  ];
  expect(recallable(tickets, grill).map((t) => t.number)).toEqual([1]);
  expect(recallable(tickets, expo).map((t) => t.number)).toEqual([3]);
});

test('allDay counts queued quantities per item and per modifier', () => {
  const tickets = [ticket(1), ticket(2), done(ticket(3), 'grill')];
  expect(allDay(tickets, grill)).toEqual([
    {
      name: 'Burger',
      quantity: 4,
      modifiers: [
        { label: '+ cheese', quantity: 4 },
        { label: 'MED', quantity: 4 },
      ],
    },
  ]);
  expect(allDay(tickets, expo).map((l) => [l.name, l.quantity])).toEqual([
    ['Burger', 4],
    ['Fries', 3],
  ]);
});

test('stationProgress counts done items per prep station', () => {
  expect(stationProgress(done(ticket(1), 'grill'), [grill, fry, expo])).toEqual([
    { station: grill, done: 1, total: 1 },
    { station: fry, done: 0, total: 1 },
  ]);
});

test('urgency follows the thresholds of the order type', () => {
  const thresholds = {
    dine_in: { warnMinutes: 5, lateMinutes: 10 },
    pickup: { warnMinutes: 8, lateMinutes: 15 },
    delivery: { warnMinutes: 8, lateMinutes: 15 },
  };
  expect(urgency(ticket(1), 7 * 60_000, thresholds)).toBe('ok');
  expect(urgency(ticket(1, { fulfilment: 'dine_in' }), 7 * 60_000, thresholds)).toBe('warn');
  expect(urgency(ticket(1), 15 * 60_000, thresholds)).toBe('late');
});
