import { orders, stores } from '@kds/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { StoredEvent } from '../../events/types.ts';
import type { DomainContext } from '../context.ts';
import { inStoreAt } from '../stores/store-slug.ts';
import { kitchenPaymentStatuses } from '../orders/state-machine.ts';
import type { BoardForStoreInput } from './schemas.ts';
import { guestLocaleOf } from '../stores/languages.ts';

export type BoardColumn = 'preparing' | 'ready' | 'on_the_way';

/** How many READY numbers the board shows: the most recent. */
const READY_SHOWN = 24;

/**
 * The in-store board: order numbers only, never names, in two columns (and a third for
 * deliveries out with a driver, while there are any). Read with its cursor in
 * one snapshot, so the board subscribes from exactly what it shows.
 */
export async function boardForStore({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: BoardForStoreInput;
}) {
  return inStoreAt(
    ctx,
    input.storeSlug,
    async ({ db }, store) => {
      const [head] = await db
        .select({ eventSeq: stores.eventSeq })
        .from(stores)
        .where(eq(stores.id, store.id));
      const open = await db
        .select({ number: orders.number, status: orders.status })
        .from(orders)
        .where(
          and(
            eq(orders.storeId, store.id),
            inArray(orders.status, ['PLACED', 'PREPARING', 'READY', 'OUT_FOR_DELIVERY']),
            inArray(orders.paymentStatus, [...kitchenPaymentStatuses]),
          ),
        )
        .orderBy(desc(orders.readyAt), asc(orders.placedAt));
      return {
        storeName: store.name,
        ...guestLocaleOf(store),
        preparing: open
          .filter((o) => o.status === 'PLACED' || o.status === 'PREPARING')
          .map((o) => o.number)
          .sort((a, b) => a - b),
        ready: open
          .filter((o) => o.status === 'READY')
          .slice(0, READY_SHOWN)
          .map((o) => o.number),
        onTheWay: open
          .filter((o) => o.status === 'OUT_FOR_DELIVERY')
          .map((o) => o.number)
          .sort((a, b) => a - b),
        cursor: String(head?.eventSeq ?? 0),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface BoardChange {
  seq: number;
  number: number;
  /** Where the number now stands; null when it leaves the board. */
  column: BoardColumn | null;
}

/** A kitchen event as the board sees it: a number moving between columns, nothing else. */
export function toBoardChange(event: StoredEvent): BoardChange | null {
  const place = (number: number, status: string): BoardChange => ({
    seq: event.seq,
    number,
    column:
      status === 'READY'
        ? 'ready'
        : status === 'OUT_FOR_DELIVERY'
          ? 'on_the_way'
          : ['PLACED', 'PREPARING'].includes(status)
            ? 'preparing'
            : null,
  });
  switch (event.type) {
    case 'order.placed':
      return place(event.payload.ticket.number, event.payload.ticket.status);
    case 'order.created':
    case 'ticket.prioritized':
    case 'menu.item_86ed':
    case 'menu.item_restored':
    case 'menu.changed':
    case 'store.pacing_changed':
      return null;
    default:
      return place(event.payload.number, event.payload.status);
  }
}
