import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { resolveStation } from './internal.ts';
import { assertOnKitchenScreens, changeTicket } from './ticket-change.ts';
import type { BumpTicketInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/**
 * At a prep station: marks that station's items done. At expo (or with no station): moves the
 * ticket to READY, which needs every item done unless expo forces it.
 */
export async function bumpTicket({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: BumpTicketInput;
}): Promise<Ticket> {
  const principal = requireKitchen(ctx);
  // One transaction for the station and the ticket, acting for the store.
  return inStore(ctx, principal.storeId, async (tx) => {
    const station = await resolveStation(tx.db, principal, input.stationId);

    return changeTicket(tx, principal.storeId, input, async (ticket) => {
      assertOnKitchenScreens(ticket.order, 'bump');
      if (station && station.kind === 'prep') {
        const queued = ticket.items.filter(
          (i) => i.stationId === station.id && i.status === 'queued',
        );
        if (queued.length === 0) {
          throw new InvalidTransitionError(ticket.order.status, 'nothingQueuedAt', {
            station: station.name,
          });
        }
        await ticket.markDone(
          queued.map((i) => i.id),
          station.id,
        );
        return;
      }
      const open = ticket.items.filter((i) => i.status === 'queued');
      if (open.length > 0 && !input.force) {
        throw new InvalidTransitionError(ticket.order.status, 'stationsStillWorking');
      }
      if (ticket.order.status === 'PLACED') await ticket.start();
      await ticket.setItems(
        open.map((i) => i.id),
        'done',
      );
      await ticket.ready(open.length > 0, station?.id ?? null);
    });
  });
}
