import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors.ts';
import { resolveStation } from './internal.ts';
import { assertOnKitchenScreens, changeTicket } from './ticket-change.ts';
import type { BumpItemInput } from './schemas.ts';
import { inStore } from '../transaction.ts';

/** Marks one item done; a ticket that was not started starts now. */
export async function bumpItem({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: BumpItemInput;
}): Promise<Ticket> {
  const principal = requireKitchen(ctx);
  // One transaction for the station and the ticket, acting for the store. A screen paired to
  // a prep station marks its own station's items only.
  return inStore(ctx, principal.storeId, async (tx) => {
    const station = await resolveStation(tx.db, principal, undefined);
    return changeTicket(tx, principal.storeId, input, async (ticket) => {
      assertOnKitchenScreens(ticket.order, 'bumpItems');
      const item = ticket.items.find((i) => i.id === input.itemId);
      if (!item) throw new NotFoundError('item', { itemId: input.itemId });
      if (station?.kind === 'prep' && item.stationId !== station.id) {
        throw new ForbiddenError({
          key: 'access.stationItemsOnly',
          values: { station: station.name },
        });
      }
      if (item.status === 'done') throw new InvalidTransitionError('done', 'itemDone');
      await ticket.markDone([item.id], item.stationId);
    });
  });
}
