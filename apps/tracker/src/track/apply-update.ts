import type { Tracked } from '../shared/types.ts';

/** What the tracker stream sends: an event's type, the order's new status, and when. */
export interface TrackerUpdate {
  type: string;
  status: Tracked['status'];
  at: string;
}

type Stamp = 'placedAt' | 'readyAt' | 'completedAt' | 'canceledAt';
const STAMPS: Partial<Record<Tracked['status'], Stamp>> = {
  PLACED: 'placedAt',
  READY: 'readyAt',
  COMPLETED: 'completedAt',
  CANCELED: 'canceledAt',
};

/**
 * The guest's order with a streamed update applied: its status, and when it got there. Pure.
 * What only the server works out (the pickup code, the estimate, the driver) follows when the
 * page reads the order again.
 */
export function applyUpdate(order: Tracked, update: TrackerUpdate): Tracked {
  if (order.status === update.status) return order;
  const next = { ...order, status: update.status };
  const stamp = STAMPS[update.status];
  if (stamp) next[stamp] = update.at;
  return next;
}
