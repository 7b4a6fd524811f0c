import { orderItems, printers, stations, type Order, type Store } from '@kds/db';
import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { TxContext } from '../context.ts';
import { stationsWithLiveScreens } from '../devices/screen-health.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { chitDocument } from './documents.ts';

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
  const printing = await tx.tx
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
  const items = await tx.tx
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.position));
  const live = printing.some((p) => p.station.printMode === 'fallback')
    ? await stationsWithLiveScreens(tx.tx, store.id, tx.now())
    : new Set<string | null>();
  for (const { station, printerId } of printing) {
    const expo = station.kind === 'expo';
    const mine = expo ? items : items.filter((i) => i.stationId === station.id);
    if (mine.length === 0) continue;
    const covered = live.has(station.id) || (expo && live.has(null));
    if (station.printMode === 'fallback' && covered) continue;
    const doc = chitDocument({ store, order, items: mine, station, reprint: false, now: tx.now() });
    await enqueue(tx, {
      storeId: store.id,
      orderId: order.id,
      channel: 'print',
      dedupeKey: `order:${order.id}:print:chit:${station.id}`,
      recipient: printerId,
      template: station.printMode === 'fallback' ? 'chit_fallback' : 'chit',
      payload: { kind: 'chit', doc, stationId: station.id } satisfies PrintPayload,
    });
  }
}
