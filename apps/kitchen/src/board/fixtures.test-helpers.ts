import type { Board, Station, StoredEvent, Ticket } from './types.ts';

export const grill: Station = { id: 'grill', name: 'Grill', kind: 'prep' };
export const fry: Station = { id: 'fry', name: 'Fry', kind: 'prep' };
export const expo: Station = { id: 'expo', name: 'Expo', kind: 'expo' };

export function ticket(number: number, overrides: Partial<Ticket> = {}): Ticket {
  return {
    orderId: `o${number}`,
    number,
    status: 'PLACED',
    paymentStatus: 'at_counter',
    fulfilment: 'pickup',
    tableLabel: null,
    customerName: 'Ada',
    notes: '',
    priority: 0,
    version: 1,
    placedAt: `2026-11-20T18:${String(number).padStart(2, '0')}:00.000Z`,
    startedAt: null,
    readyAt: null,
    fireAt: null,
    firesAt: null,
    items: [
      {
        id: `o${number}-b`,
        stationId: 'grill',
        name: 'Burger',
        quantity: 2,
        modifiers: ['MED', '+ cheese'],
        allergens: ['gluten'],
        notes: '',
        status: 'queued',
        bumpedAt: null,
      },
      {
        id: `o${number}-f`,
        stationId: 'fry',
        name: 'Fries',
        quantity: 1,
        modifiers: [],
        allergens: [],
        notes: '',
        status: 'queued',
        bumpedAt: null,
      },
    ],
    ...overrides,
  };
}

export const board = (tickets: Ticket[], cursor = 10): Board => ({
  tickets,
  cursor: String(cursor),
  serverTime: '2026-11-20T18:30:00.000Z',
});

let seq = 10;
export function event<T extends StoredEvent['type']>(
  type: T,
  orderId: string | null,
  payload: Extract<StoredEvent, { type: T }>['payload'],
  at = '2026-11-20T18:31:00.000Z',
): StoredEvent {
  seq += 1;
  return {
    seq,
    storeId: 's',
    orderId,
    stationId: null,
    actor: { kind: 'staff', id: null },
    at,
    type,
    payload,
  } as StoredEvent;
}
