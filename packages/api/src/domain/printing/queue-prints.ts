import {
  orderItems,
  orders,
  printers,
  stations,
  stores,
  type Order,
  type OrderItem,
  type Station,
  type Store,
} from '@kds/db';
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Database, DomainContext, Transaction, TxContext } from '../context.ts';
import { stationsWithLiveScreens } from '../devices/screen-health.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { chitDocument } from './documents.ts';
import { acrossStores, inStore } from '../transaction.ts';

/** What a print job carries: the document is rendered once, so a retry prints the same paper. */
export interface PrintPayload extends Record<string, unknown> {
  kind: 'chit' | 'receipt' | 'test';
  doc: string;
  stationId?: string | null;
}

/**
 * The order reached the kitchen: each station that prints every ticket gets its chit, and each
 * that prints as a fallback gets one while none of its screens is live (offline, or more than
 * 30 s behind). An expo station's chit carries the whole order. Once per order and station.
 */
export async function queueKitchenPrints(tx: TxContext, store: Store, order: Order) {
  const printing = await tx.db
    .select({ station: stations, printerId: printers.id })
    .from(stations)
    .innerJoin(printers, eq(printers.id, stations.printerId))
    .where(
      and(
        eq(stations.storeId, store.id),
        ne(stations.printMode, 'never'),
        isNotNull(stations.printerId),
      ),
    );
  if (printing.length === 0) return;
  const items = await tx.db
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  const live = printing.some((p) => p.station.printMode === 'fallback')
    ? await stationsWithLiveScreens(tx.db, store.id, tx.now())
    : new Set<string | null>();
  for (const { station, printerId } of printing) {
    const covered = live.has(station.id) || (station.kind === 'expo' && live.has(null));
    if (station.printMode === 'fallback' && covered) continue;
    await queueChit(tx, { store, order, items, station, printerId });
  }
}

/**
 * A station that prints as a fallback and whose screens have all gone dark (offline, or more
 * than 30 s behind): its open tickets with work left for it print now. The dedupe key is the
 * one used when the order reached the kitchen, so each chit comes out once, whichever path
 * queued it first. Run every 30 s by the server's jobs.
 */
export async function printForDarkStations(ctx: DomainContext): Promise<number> {
  const now = ctx.now();
  // Every store's fallback stations: the job runner's path across stores; each station's
  // tickets then in a transaction acting for its store.
  const fallback = await acrossStores(ctx, 'job-runner', ({ db }) =>
    db
      .select({ station: stations, printerId: printers.id, store: stores })
      .from(stations)
      .innerJoin(printers, eq(printers.id, stations.printerId))
      .innerJoin(stores, eq(stores.id, stations.storeId))
      .where(eq(stations.printMode, 'fallback')),
  );
  let queued = 0;
  const live = new Map<string, Set<string | null>>();
  for (const { station, printerId, store } of fallback) {
    queued += await inStore(ctx, store.id, async (tx) => {
      let fresh = 0;
      if (!live.has(store.id))
        live.set(store.id, await stationsWithLiveScreens(tx.db, store.id, now));
      const screens = live.get(store.id);
      if (screens?.has(station.id) || (station.kind === 'expo' && screens?.has(null))) return 0;
      const dueBy = new Date(now.getTime() + store.settings.defaultPrepMinutes * 60_000);
      const open = await tx.db
        .select()
        .from(orders)
        .where(
          and(
            eq(orders.storeId, store.id),
            inArray(orders.status, ['PLACED', 'PREPARING']),
            or(isNull(orders.fireAt), lte(orders.fireAt, dueBy)),
          ),
        )
        .orderBy(asc(orders.placedAt));
      if (open.length === 0) return 0;
      // Every open order's items in one read, not one query per order.
      const allItems = await tx.db
        .select()
        .from(orderItems)
        .where(
          inArray(
            orderItems.orderId,
            open.map((o) => o.id),
          ),
        )
        .orderBy(asc(orderItems.position));
      for (const order of open) {
        const items = allItems.filter((i) => i.orderId === order.id);
        // A prep station's chit lists what it still has to make; an expo's, the whole order.
        const wanted = station.kind === 'prep' ? items.filter((i) => i.status === 'queued') : items;
        const chit = { store, order, items: wanted, station, printerId };
        if (await queueChit({ db: tx.db, now: tx.now }, chit)) fresh++;
      }
      return fresh;
    });
  }
  return queued;
}

/** One station's chit for one order (all items at an expo), once per order and station. */
function queueChit(
  tx: { db: Transaction | Database; now: () => Date },
  what: { store: Store; order: Order; items: OrderItem[]; station: Station; printerId: string },
): Promise<boolean> {
  const { store, order, station } = what;
  const mine =
    station.kind === 'expo' ? what.items : what.items.filter((i) => i.stationId === station.id);
  if (mine.length === 0) return Promise.resolve(false);
  const doc = chitDocument({ store, order, items: mine, station, reprint: false, now: tx.now() });
  return enqueue(tx, {
    storeId: store.id,
    orderId: order.id,
    channel: 'print',
    dedupeKey: `order:${order.id}:print:chit:${station.id}`,
    recipient: what.printerId,
    template: station.printMode === 'fallback' ? 'chit_fallback' : 'chit',
    payload: { kind: 'chit', doc, stationId: station.id } satisfies PrintPayload,
  });
}
