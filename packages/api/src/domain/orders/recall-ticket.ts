import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { OrderItem } from '@kds/db';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors.ts';
import { resolveStation, saveOrder } from './internal.ts';
import { mutateTicket, setItems } from './mutate-ticket.ts';
import type { RecallTicketInput } from './schemas.ts';
import { nextStatus } from './state-machine.ts';
import { inStore } from '../transaction.ts';

/** The item a cook tapped back: done, and (on a station's screen) one of that station's. */
function oneItemBack(
  items: OrderItem[],
  itemId: string,
  station: Awaited<ReturnType<typeof resolveStation>>,
): OrderItem {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('item', { itemId });
  if (station?.kind === 'prep' && item.stationId !== station.id) {
    throw new ForbiddenError({ key: 'access.stationItemsOnly', values: { station: station.name } });
  }
  if (item.status !== 'done') throw new InvalidTransitionError('queued', 'itemNotDone');
  return item;
}

/**
 * Brings a bumped ticket back: READY to PREPARING (a station's recall re-queues its items),
 * COMPLETED to READY within ten minutes, a station's done items (or one item) back to queued. The
 * timer keeps running: placed and started times are never reset.
 */
export async function recallTicket({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: RecallTicketInput;
}): Promise<Ticket> {
  const principal = requireKitchen(ctx);
  // One transaction for the station and the ticket, acting for the store.
  return inStore(ctx, principal.storeId, async (tx) => {
    const station = await resolveStation(tx.db, principal, input.stationId);

    return mutateTicket(tx, principal.storeId, input, async (state) => {
      const requeue = input.itemId
        ? [oneItemBack(state.items, input.itemId, station)]
        : station?.kind === 'prep'
          ? state.items.filter((i) => i.stationId === station.id && i.status === 'done')
          : [];
      const { order } = state;
      if (input.itemId && order.status === 'COMPLETED') {
        throw new InvalidTransitionError(order.status, 'bringItemBack');
      }
      let status = order.status;
      if (order.status === 'READY' || order.status === 'COMPLETED') {
        status = nextStatus(order, 'recall', state.now);
      } else if (order.status !== 'PREPARING' || requeue.length === 0) {
        throw new InvalidTransitionError(order.status, 'recall');
      }
      await setItems(
        state,
        requeue.map((i) => i.id),
        'queued',
      );
      state.order = await saveOrder(state.tx, order, {
        status,
        readyAt: status === 'PREPARING' ? null : order.readyAt,
        completedAt: null,
      });
      state.events.push({
        type: 'ticket.recalled',
        orderId: order.id,
        stationId: station?.id ?? null,
        payload: {
          status,
          version: state.order.version,
          number: order.number,
          itemIds: requeue.map((i) => i.id),
        },
      });
    });
  });
}
