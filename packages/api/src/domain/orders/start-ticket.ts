import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { assertOnKitchenScreens, changeTicket } from './ticket-change.ts';
import type { StartTicketInput } from './schemas.ts';

export async function startTicket({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: StartTicketInput;
}): Promise<Ticket> {
  const { storeId } = requireKitchen(ctx);
  return changeTicket(ctx, storeId, input, async (ticket) => {
    assertOnKitchenScreens(ticket.order, 'start');
    await ticket.start();
  });
}
