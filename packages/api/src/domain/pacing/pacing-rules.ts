import type { OrderTypeKey, OrderingPause, Pacing } from '@kds/db';

export const FULFILMENT_WORDS: Record<OrderTypeKey, string> = {
  dine_in: 'table',
  pickup: 'pickup',
  delivery: 'delivery',
};

/** The pause on this kind of order, if it has not run out yet. */
export function activePause(
  pacing: Pacing,
  fulfilment: OrderTypeKey,
  now: Date,
): OrderingPause | null {
  const pause = pacing.pauses[fulfilment];
  return pause && new Date(pause.until).getTime() > now.getTime() ? pause : null;
}

/** The pacing with pauses that have run out dropped: what guests and screens are shown. */
export function currentPacing(pacing: Pacing, now: Date): Pacing {
  const pauses: Pacing['pauses'] = {};
  for (const type of Object.keys(FULFILMENT_WORDS) as OrderTypeKey[]) {
    const pause = activePause(pacing, type, now);
    if (pause) pauses[type] = pause;
  }
  return { ...pacing, pauses };
}
