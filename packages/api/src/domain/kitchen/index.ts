export { kitchenEventFilter } from './event-filter.ts';
export { openKitchenStream } from './open-kitchen-stream.ts';
export { listTickets, type TicketSnapshot } from './list-tickets.ts';
export { KitchenOnEventInput, KitchenTicketsInput } from './schemas.ts';
