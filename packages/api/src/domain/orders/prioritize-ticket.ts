import type { Ticket } from '../../events/types.ts';
import { requireKitchen } from '../auth/principal.ts';
import type { DomainContext } from '../context.ts';
import { saveOrder } from './internal.ts';
import { assertOnKitchenScreens, mutateTicket } from './mutate-ticket.ts';
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
  return mutateTicket(ctx, storeId, input, async (state) => {
    assertOnKitchenScreens(state.order, 'prioritize');
    state.order = await saveOrder(state.tx, state.order, { priority: input.priority });
    state.events.push({
      type: 'ticket.prioritized',
      orderId: state.order.id,
      payload: {
        priority: input.priority,
        version: state.order.version,
        number: state.order.number,
      },
    });
  });
}
