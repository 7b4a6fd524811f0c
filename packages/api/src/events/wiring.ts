import type { Database, DbHandle, Listener } from '@kds/db';
import { EVENTS_CHANNEL } from './append-events.ts';
import type { EventBus, EventLog } from './event-bus.ts';
import { headSeq, readEvents } from './read-events.ts';

export function createEventLog(db: Database): EventLog {
  return { read: (query) => readEvents(db, query), head: (storeId) => headSeq(db, storeId) };
}

/**
 * Wakes the bus on every NOTIFY from any instance, and on every (re)connect of the LISTEN
 * connection, when anything may have been missed.
 */
export function listenForEvents(bus: EventBus, handle: DbHandle): Promise<Listener> {
  return handle.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const [storeId, seq] = payload.split(':');
      if (storeId && seq) bus.wake(storeId, Number(seq));
    },
    () => bus.wakeAll(),
  );
}
