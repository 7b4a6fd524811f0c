import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import type { OrderItem } from '@kds/db';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors.ts';
import { resolveStation } from './internal.ts';
import { changeTicket } from './ticket-change.ts';
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

    return changeTicket(tx, principal.storeId, input, async (ticket) => {
      const requeue = input.itemId
        ? [oneItemBack(ticket.items, input.itemId, station)]
        : station?.kind === 'prep'
          ? ticket.items.filter((i) => i.stationId === station.id && i.status === 'done')
          : [];
      const { order } = ticket;
      if (input.itemId && order.status === 'COMPLETED') {
        throw new InvalidTransitionError(order.status, 'bringItemBack');
      }
      let status = order.status;
      if (order.status === 'READY' || order.status === 'COMPLETED') {
        status = nextStatus(order, 'recall', ticket.now);
      } else if (order.status !== 'PREPARING' || requeue.length === 0) {
        throw new InvalidTransitionError(order.status, 'recall');
      }
      await ticket.setItems(
        requeue.map((i) => i.id),
        'queued',
      );
      await ticket.save({
        status,
        readyAt: status === 'PREPARING' ? null : order.readyAt,
        completedAt: null,
      });
      ticket.events.push({
        type: 'ticket.recalled',
        orderId: order.id,
        stationId: station?.id ?? null,
        payload: {
          status,
          version: ticket.order.version,
          number: order.number,
          itemIds: requeue.map((i) => i.id),
        },
      });
    });
  });
}
