import type { StoredEvent } from '../../events/types.ts';

/**
 * Which events a kitchen screen receives. Unpaid orders never reach it; a station screen gets
 * new tickets only when they hold something for that station. Changes to tickets a screen does
 * not show are harmless for it to ignore.
 */
export function kitchenEventFilter(stationId: string | undefined) {
  return (event: StoredEvent): boolean => {
    if (event.type === 'order.created') return false;
    if (event.type === 'order.placed' && stationId) {
      return event.payload.ticket.items.some((i) => i.stationId === stationId);
    }
    return true;
  };
}
