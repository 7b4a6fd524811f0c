import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { assertOnKitchenScreens, mutateTicket, startStep } from './mutate-ticket.ts';
import type { StartTicketInput } from './schemas.ts';

export async function startTicket({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StartTicketInput;
}): Promise<Ticket> {
  const { storeId } = requireKitchen(ctx);
  return mutateTicket(ctx, storeId, input, async (state) => {
    assertOnKitchenScreens(state.order, 'start');
    await startStep(state);
  });
}
