import { orderItems, stores, type Order, type Store } from '@kds/db';
import { eq } from 'drizzle-orm';
import { recordEvents } from '../record-events.ts';
import type { DomainContext, TxContext } from '../context.ts';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../errors.ts';
import { inStoreOfTracked } from '../tracker/get-tracked-order.ts';
import { percentOf } from '../money.ts';
import { lockOrder, saveOrder, totalsOf } from './internal.ts';
import { priceOrder, type PricedOrder } from './pricing.ts';
import type { AddToOrderInput } from './schemas.ts';
import { toTicket } from './ticket-view.ts';

/**
 * The guest adds items to their order while the kitchen has not started it (and it is paid
 * at the counter, so no second payment is needed). Priced on the server like any order; the
 * request's key makes a retried addition count once, and the order lock serializes additions.
 */
export async function addToOrder({ ctx, input }: { ctx: DomainContext; input: AddToOrderInput }) {
  return inStoreOfTracked(ctx, input.trackingToken, async (tx, tracked) => {
    const [store] = await tx.db.select().from(stores).where(eq(stores.id, tracked.storeId));
    if (!store) throw new NotFoundError('store');
    if (store.settings.allowAddToOrder === false) {
      throw new ValidationError({ key: 'orders.noAdditions' });
    }
    const { order, items } = await lockOrder(tx, store.id, tracked.id, undefined);
    const result = () => ({ orderId: order.id, number: order.number, totals: totalsOf(order) });
    if (items.some((i) => i.requestKey === input.idempotencyKey)) return result();
    if (order.status !== 'PLACED' || order.paymentStatus !== 'at_counter') {
      throw new InvalidTransitionError(order.status, 'addTo');
    }
    const priced = await priceAddition(tx, store, input.items);
    const start = Math.max(-1, ...items.map((i) => i.position)) + 1;
    const added = await tx.db
      .insert(orderItems)
      .values(
        priced.lines.map((line, i) => ({
          ...line,
          orderId: order.id,
          storeId: store.id,
          position: start + i,
          requestKey: input.idempotencyKey,
        })),
      )
      .returning();
    const saved = await saveOrder(tx, order, totalsAfter(order, priced, store));
    await recordEvents(tx, store.id, [
      {
        type: 'order.items_added',
        orderId: order.id,
        payload: {
          status: saved.status,
          version: saved.version,
          number: saved.number,
          items: toTicket(saved, added).items,
        },
      },
    ]);
    return { orderId: saved.id, number: saved.number, totals: totalsOf(saved) };
  });
}

/** The added lines priced like any order's (sold out, unknown choices refused), but untimed. */
async function priceAddition(tx: TxContext, store: Store, items: AddToOrderInput['items']) {
  const priced = await priceOrder(
    tx.db,
    store,
    {
      storeSlug: store.slug,
      items,
      fulfilment: { type: 'pickup' },
      notes: '',
      allergies: [],
      tipCents: 0,
    },
    { now: tx.now(), lock: true, skipTiming: true },
  );
  if (priced.problems.length > 0) {
    throw new ValidationError({ key: 'orders.cannotAdd' }, { problems: priced.problems });
  }
  return priced;
}

/** The order's totals with the addition: the discount stays what it was; tax follows the new subtotal. */
function totalsAfter(order: Order, priced: PricedOrder, store: Store) {
  const subtotalCents = order.subtotalCents + priced.totals.subtotalCents;
  const taxCents = percentOf(
    subtotalCents - order.discountCents,
    store.settings.taxRateBps,
    store.currency,
  );
  return {
    subtotalCents,
    taxCents,
    totalCents: subtotalCents - order.discountCents + taxCents + order.tipCents,
    costCents: order.costCents + priced.costCents,
  };
}
