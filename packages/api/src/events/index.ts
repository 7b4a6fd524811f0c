export {
  appendEvents,
  EVENTS_CHANNEL,
  type AppendOptions,
  type Appended,
  type AppendTx,
} from './append-events.ts';
export { EventBus, type BusListener, type EventLog, type EventPublisher } from './event-bus.ts';
export { headSeq, readEvents, toStoredEvent, type ReadEventsQuery } from './read-events.ts';
export { streamEvents, type ResyncMarker, type StreamEventsOptions } from './stream-events.ts';
export { LiveGroups, type LiveCarrier, type LiveMember, type LiveShare } from './live-groups.ts';
export { listenForEvents, createEventLog } from './wiring.ts';
export { createNotifier, EventNotifier } from './notifier.ts';
export type * from './types.ts';
