import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { InvalidTransitionError } from '../errors.ts';
import { markDone } from './bump-item.ts';
import { resolveStation } from './internal.ts';
import {
  assertOnKitchenScreens,
  mutateTicket,
  readyStep,
  setItems,
  startStep,
} from './mutate-ticket.ts';
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

    return mutateTicket(tx, principal.storeId, input, async (state) => {
      assertOnKitchenScreens(state.order, 'bump');
      if (station && station.kind === 'prep') {
        const queued = state.items.filter(
          (i) => i.stationId === station.id && i.status === 'queued',
        );
        if (queued.length === 0) {
          throw new InvalidTransitionError(state.order.status, 'nothingQueuedAt', {
            station: station.name,
          });
        }
        await markDone(
          state,
          queued.map((i) => i.id),
          station.id,
        );
        return;
      }
      const open = state.items.filter((i) => i.status === 'queued');
      if (open.length > 0 && !input.force) {
        throw new InvalidTransitionError(state.order.status, 'stationsStillWorking');
      }
      if (state.order.status === 'PLACED') await startStep(state);
      await setItems(
        state,
        open.map((i) => i.id),
        'done',
      );
      await readyStep(state, open.length > 0, station?.id ?? null);
    });
  });
}
