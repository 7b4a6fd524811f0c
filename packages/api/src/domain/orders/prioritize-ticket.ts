import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { assertOnKitchenScreens, changeTicket } from './ticket-change.ts';
import type { PrioritizeTicketInput } from './schemas.ts';

/** Rush (priority > 0) moves a ticket to the front on every screen; 0 puts it back in line. */
export async function prioritizeTicket({
  ctx,
  input,
}: {
  ctx: DomainContext;
  input: PrioritizeTicketInput;
}): Promise<Ticket> {
  const { storeId } = requireKitchen(ctx);
  return changeTicket(ctx, storeId, input, async (ticket) => {
    assertOnKitchenScreens(ticket.order, 'prioritize');
    await ticket.save({ priority: input.priority });
    ticket.events.push({
      type: 'ticket.prioritized',
      orderId: ticket.order.id,
      payload: {
        priority: input.priority,
        version: ticket.order.version,
        number: ticket.order.number,
      },
    });
  });
}
