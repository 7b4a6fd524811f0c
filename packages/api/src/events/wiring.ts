import type { Database, DbHandle, Listener } from '@kds/db';
import { EVENTS_CHANNEL } from './append-events.ts';
import type { EventBus, EventLog } from './event-bus.ts';
import { headSeq, readEvents } from './read-events.ts';

export function createEventLog(db: Database): EventLog {
  return { read: (query) => readEvents(db, query), head: (storeId) => headSeq(db, storeId) };
}

/**
 * Wakes the bus on every NOTIFY from any instance, and on every (re)connect of the LISTEN
 * connection, when anything may have been missed. A periodic poll of the stores this instance
 * serves bounds the latency of any wake-up that is lost some other way (a LISTEN connection
 * that could not be re-established): it costs one indexed read per store per interval.
 */
export async function listenForEvents(
  bus: EventBus,
  handle: DbHandle,
  options: { pollMs?: number } = {},
): Promise<Listener> {
  const listener = await handle.listen(
    EVENTS_CHANNEL,
    (payload) => {
      const [storeId, seq] = payload.split(':');
      if (storeId && seq) bus.wake(storeId, Number(seq));
    },
    () => bus.wakeAll(),
  );
  const pollMs = options.pollMs ?? 2_000;
  const poll = pollMs > 0 ? setInterval(() => bus.wakeAll(), pollMs).unref() : undefined;
  return {
    close: async () => {
      clearInterval(poll);
      await listener.close();
    },
  };
}
