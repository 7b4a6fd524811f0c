// What front ends and other clients may import: types only, no server code.
export type { AppRouter } from './root.ts';
export type { StoredEvent, Ticket, TicketItem, EventType } from './events/types.ts';
export type { ResyncMarker } from './events/stream-events.ts';
