import { stores, type OrderTypeKey, type Queryable, type Store } from '@kds/db';
import { eq } from 'drizzle-orm';
import type { Problem } from '../orders/pricing.ts';
import { localTime } from '../stores/local-time.ts';
import { openSlots } from '../stores/pickup-slots.ts';
import { asapCap, asapWindow, kitchenLoad, stationLoads } from './kitchen-load.ts';
import { activePause, FULFILMENT_WORDS } from './pacing-rules.ts';

interface Timing {
  fireAt: Date | null;
  fulfilment: { type: OrderTypeKey };
}

/**
 * What the kitchen's pacing refuses: any order of a paused kind that would be made before the
 * pause ends, and ASAP orders past the throttle's cap for this window. Pacing is read again
 * here, so inside the placing transaction a pause committed a moment ago already counts.
 */
export async function pacingProblems(
  db: Queryable,
  store: Store,
  order: Timing,
  now: Date,
): Promise<Problem[]> {
  const [row] = await db
    .select({ pacing: stores.pacing })
    .from(stores)
    .where(eq(stores.id, store.id));
  const current = { ...store, pacing: row?.pacing ?? store.pacing };
  const type = order.fulfilment.type;
  const pause = activePause(current.pacing, type, now);
  const words = FULFILMENT_WORDS[type];
  if (pause && (!order.fireAt || order.fireAt.getTime() < new Date(pause.until).getTime())) {
    const until = new Date(pause.until);
    const nextSlotAt = await firstFreeSlot(db, current, now, until);
    return [
      {
        path: order.fireAt ? ['fireAt'] : [],
        code: 'ORDERING_PAUSED',
        message: `${capitalise(words)} orders are paused: ${pause.reason}. We take them again from ${localTime(until, store.timezone)}; you can order for then.`,
        say: {
          key: `paused_${type}`,
          values: { reason: pause.reason, resumesAt: until.toISOString() },
        },
        resumesAt: until.toISOString(),
        ...(nextSlotAt ? { nextSlotAt } : {}),
      },
    ];
  }
  if (order.fireAt || !current.pacing.throttle.enabled) return [];
  const [loads, window] = await Promise.all([
    stationLoads(db, current, now),
    asapWindow(db, store.id, now),
  ]);
  if (window.taken < asapCap(current.pacing.throttle.asapPerWindow, kitchenLoad(loads))) return [];
  const nextSlotAt = await firstFreeSlot(db, current, now, window.endsAt);
  return [
    {
      path: [],
      code: 'KITCHEN_FULL',
      message: nextSlotAt
        ? `The kitchen is full right now. The first time we can still take is ${localTime(new Date(nextSlotAt), store.timezone)}; choose it to order for later.`
        : 'The kitchen is full right now; please try again in a few minutes.',
      say: nextSlotAt
        ? { key: 'kitchenFullUntil', values: { nextSlotAt } }
        : { key: 'kitchenFull' },
      ...(nextSlotAt ? { nextSlotAt } : {}),
    },
  ];
}

/** The first scheduled time with room left, no earlier than `from`. */
async function firstFreeSlot(
  db: Queryable,
  store: Store,
  now: Date,
  from: Date,
): Promise<string | undefined> {
  const slots = await openSlots(db, store, now);
  return slots.find((s) => s.remaining > 0 && new Date(s.at).getTime() >= from.getTime())?.at;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
