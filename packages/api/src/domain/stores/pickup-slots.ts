import { orders, type Queryable, type Store } from '@kds/db';
import { and, eq, gt, gte, isNotNull, lt, ne, notInArray, or } from 'drizzle-orm';
import type { DomainContext } from '../context.ts';
import { inStoreAt } from './store-slug.ts';
import { openWindows } from './opening-hours.ts';
import type { PickupSlotsInput } from './schemas.ts';

export const SLOT_MINUTES = 15;
const SLOT_MS = SLOT_MINUTES * 60_000;
const DEFAULT_CAPACITY = 6;

export const slotStart = (at: Date) => new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
export const capacityOf = (store: Store) =>
  store.settings.scheduledSlotCapacity ?? DEFAULT_CAPACITY;

/**
 * Scheduled orders already taken per slot start (ms), between two instants. An order waiting
 * for payment holds its place only until its payment window closes, whether or not the expiry
 * job has come round to it yet.
 */
export async function takenPerSlot(
  db: Queryable,
  storeId: string,
  from: Date,
  to: Date,
  now: Date,
) {
  const rows = await db
    .select({ fireAt: orders.fireAt })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        isNotNull(orders.fireAt),
        gte(orders.fireAt, from),
        lt(orders.fireAt, to),
        notInArray(orders.status, ['CANCELED', 'EXPIRED']),
        or(ne(orders.status, 'PENDING_PAYMENT'), gt(orders.paymentExpiresAt, now)),
      ),
    );
  const taken = new Map<number, number>();
  for (const { fireAt } of rows) {
    if (!fireAt) continue;
    const key = slotStart(fireAt).getTime();
    taken.set(key, (taken.get(key) ?? 0) + 1);
  }
  return taken;
}

/**
 * Pickup times a guest may choose: 15-minute slots inside opening hours over the next day,
 * starting once the kitchen could have the order ready (with the minutes it has added to its
 * quotes), each with the places it has left.
 */
export async function openSlots(db: Queryable, store: Store, now: Date) {
  const leadMs = (store.settings.defaultPrepMinutes + store.pacing.extraMinutes) * 60_000;
  const earliest = new Date(Math.ceil((now.getTime() + leadMs) / SLOT_MS) * SLOT_MS);
  const until = new Date(earliest.getTime() + 24 * 3600_000);
  const windows = store.openingHours.length
    ? openWindows(store.openingHours, store.timezone, now, 2)
    : [{ start: earliest, end: until }];
  const taken = await takenPerSlot(db, store.id, earliest, until, now);
  const capacity = capacityOf(store);
  const slots: { at: string; remaining: number }[] = [];
  for (let t = earliest.getTime(); t < until.getTime() && slots.length < 96; t += SLOT_MS) {
    if (!windows.some((w) => w.start.getTime() <= t && t < w.end.getTime())) continue;
    slots.push({
      at: new Date(t).toISOString(),
      remaining: Math.max(0, capacity - (taken.get(t) ?? 0)),
    });
  }
  return slots;
}

export async function pickupSlots({ ctx, input }: { ctx: DomainContext; input: PickupSlotsInput }) {
  return inStoreAt(
    ctx,
    input.storeSlug,
    async ({ db }, store) => ({
      timezone: store.timezone,
      slotMinutes: SLOT_MINUTES,
      slots: await openSlots(db, store, ctx.now()),
    }),
    { accessMode: 'read only' },
  );
}
