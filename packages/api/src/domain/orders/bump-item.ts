import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors.ts';
import { resolveStation, saveOrder, storeHasExpo } from './internal.ts';
import {
  assertOnKitchenScreens,
  mutateTicket,
  readyStep,
  setItems,
  startStep,
  type TicketState,
} from './mutate-ticket.ts';
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
    return mutateTicket(tx, principal.storeId, input, async (state) => {
      assertOnKitchenScreens(state.order, 'bumpItems');
      const item = state.items.find((i) => i.id === input.itemId);
      if (!item) throw new NotFoundError('item', { itemId: input.itemId });
      if (station?.kind === 'prep' && item.stationId !== station.id) {
        throw new ForbiddenError({
          key: 'access.stationItemsOnly',
          values: { station: station.name },
        });
      }
      if (item.status === 'done') throw new InvalidTransitionError('done', 'itemDone');
      await markDone(state, [item.id], item.stationId);
    });
  });
}

/**
 * Marks items done, starting the ticket first if needed. Without an expo station in the store,
 * the last item done makes the ticket READY; with one, expo bumps it.
 */
export async function markDone(state: TicketState, itemIds: string[], stationId: string | null) {
  if (state.order.status === 'PLACED') await startStep(state);
  if (state.order.status !== 'PREPARING') {
    throw new InvalidTransitionError(state.order.status, 'bumpItems');
  }
  await setItems(state, itemIds, 'done');
  state.order = await saveOrder(state.tx, state.order, {});
  state.events.push({
    type: 'ticket.item_bumped',
    orderId: state.order.id,
    stationId,
    payload: {
      status: state.order.status,
      version: state.order.version,
      number: state.order.number,
      itemIds,
    },
  });
  const allDone = state.items.every((i) => i.status === 'done');
  if (allDone && !(await storeHasExpo(state.tx.db, state.order.storeId))) {
    await readyStep(state, false, stationId);
  }
}
