export { ackEvents } from './ack-events.ts';
export { kitchenEventFilter } from './event-filter.ts';
export { kitchenConfig } from './kitchen-config.ts';
export { listTickets, type TicketSnapshot } from './list-tickets.ts';
export { openKitchenStream } from './open-kitchen-stream.ts';
export { AckEventsInput, KitchenOnEventInput, KitchenTicketsInput } from './schemas.ts';
