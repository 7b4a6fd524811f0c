// What front ends and other clients may import: types, plain constants and pure helpers (money),
// never server code (the apps import this file; ESLint lets them import nothing else of the API).
export type { AppRouter } from './root.ts';
export type { StoredEvent, Ticket, TicketItem, EventType } from './events/types.ts';
export type { ResyncMarker } from './events/stream-events.ts';
export { formatMoney, parseMoney, percentOf, toDecimalString, toMajor } from './domain/money.ts';

/**
 * Procedures that try a guessable secret (a password, a pairing code, a pickup code) and are
 * therefore never batched: the server refuses them inside a batch of HTTP calls or a WebSocket
 * frame, and clients send them on their own.
 */
export const NEVER_BATCHED: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.changePassword',
  'device.pair',
  'invitation.signUp',
  'order.complete',
  'setup.create',
]);

/** The most calls one HTTP batch or one WebSocket frame may carry. */
export const MAX_BATCH = 10;
