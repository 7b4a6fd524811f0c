import type { OrderTypeKey, Queryable, Store } from '@kds/db';
import { pacingProblems } from '../pacing/pacing-problems.ts';
import { localTime } from '../stores/local-time.ts';
import { isOpenAt, openingState } from '../stores/opening-hours.ts';
import { capacityOf, SLOT_MINUTES, slotStart, takenPerSlot } from '../stores/pickup-slots.ts';
import type { Problem } from './pricing.ts';

const MAX_AHEAD_MS = 7 * 24 * 3600_000;

/**
 * When the order may be made: now only while the store is open and the kitchen takes this kind
 * of order (pacing); a scheduled time must be within the next week, inside opening hours, in a
 * slot the kitchen still has room in. Inside the placing transaction the slot and ASAP counts
 * are serialized by the order-counter lock.
 */
export async function timingProblems(
  db: Queryable,
  store: Store,
  order: { fireAt?: string | undefined; fulfilment: { type: OrderTypeKey } },
  now: Date,
): Promise<Problem[]> {
  if (!order.fireAt) {
    // Open is the common case: only the days around now are worked out for it.
    if (isOpenAt(store.openingHours, store.timezone, now)) {
      return pacingProblems(db, store, { ...order, fireAt: null }, now);
    }
    return [closedNow(store, now)];
  }
  const fireAt = new Date(order.fireAt);
  const problem = await scheduleProblem(db, store, fireAt, now);
  return problem ? [problem] : pacingProblems(db, store, { ...order, fireAt }, now);
}

function closedNow(store: Store, now: Date): Problem {
  const next = openingState(store.openingHours, store.timezone, now).nextOpenAt;
  return {
    path: [],
    code: 'STORE_CLOSED',
    message: next ? `we are closed; we open ${localTime(next, store.timezone)}` : 'we are closed',
    say: next ? { key: 'closedUntil', values: { openAt: next.toISOString() } } : { key: 'closed' },
    ...(next ? { nextOpenAt: next.toISOString() } : {}),
  };
}

/** A scheduled time: within the week, inside opening hours, in a slot with room. */
async function scheduleProblem(
  db: Queryable,
  store: Store,
  fireAt: Date,
  now: Date,
): Promise<Problem | null> {
  const at = (code: Problem['code'], message: string, say: Problem['say']): Problem => ({
    path: ['fireAt'],
    code,
    message,
    say,
  });
  if (fireAt.getTime() <= now.getTime() || fireAt.getTime() > now.getTime() + MAX_AHEAD_MS) {
    return at('FIRE_AT_INVALID', 'pick a time in the next seven days', { key: 'tooFarAhead' });
  }
  if (store.openingHours.length > 0 && !isOpenAt(store.openingHours, store.timezone, fireAt)) {
    return at('FIRE_AT_INVALID', 'we are closed at that time', { key: 'closedThen' });
  }
  const slot = slotStart(fireAt);
  const slotEnd = new Date(slot.getTime() + SLOT_MINUTES * 60_000);
  const taken = await takenPerSlot(db, store.id, slot, slotEnd, now);
  if ((taken.get(slot.getTime()) ?? 0) >= capacityOf(store)) {
    return at('SLOT_FULL', 'that time is fully booked; pick another', { key: 'slotFull' });
  }
  return null;
}
